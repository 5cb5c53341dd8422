package tw.enforce.runtime.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The human-readable side of an export, for people who are not engineers: a data bar (unit, site,
 * time UTC of the decisive instant, rule, lane, time into red or speed and limit where the rule has
 * them, plate), every measured value of the rule, and what the checks rest on, as plain text and
 * as an HTML page showing the images under the bar. Everything shown comes from the signed manifest.
 */
public final class EvidenceSummary {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private EvidenceSummary() {
    }

    /** The data bar fields in display order. */
    public static Map<String, String> dataBar(EvidenceManifest m) {
        Map<String, String> bar = new LinkedHashMap<>();
        JsonNode r = m.measurement();
        bar.put("Unit", m.unitId());
        bar.put("Site", m.siteId());
        bar.put("Time (UTC)", time(instant(r, "eventTime", m.createdAt())));
        bar.put("Rule", m.rule());
        bar.put("Lane", m.lane() == null ? "-" : m.lane());
        if (r != null && r.has("timeIntoRedSeconds")) {
            bar.put("Time into red", String.format(Locale.ROOT, "%.3f s", r.get("timeIntoRedSeconds").asDouble()));
        }
        double speed = number(r, "speedKmh");
        bar.put("Speed", Double.isNaN(speed) ? "-" : String.format(Locale.ROOT, "%.1f km/h", speed));
        if (r != null && r.has("limitKmh")) {
            bar.put("Limit", String.format(Locale.ROOT, "%.0f km/h", r.get("limitKmh").asDouble()));
        }
        EvidenceManifest.Plate p = m.vehicle() == null ? null : m.vehicle().plate();
        bar.put("Plate", p == null || p.text() == null ? "not read" : p.text());
        return bar;
    }

    public static String text(EvidenceManifest m, String manifestSha256, String keyFingerprint) {
        StringBuilder b = new StringBuilder();
        b.append("EVIDENCE PACKAGE ").append(m.packageId()).append('\n');
        b.append(String.join(" | ", dataBar(m).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()))
                .append("\n\n");
        details(m, manifestSha256, keyFingerprint).forEach((k, v) -> b.append(String.format("%-22s %s%n", k + ":", v)));
        b.append("\nFiles (SHA-256):\n");
        for (EvidenceManifest.FileEntry f : m.files()) {
            b.append(String.format("  %-14s %-26s %s%n", f.name(), f.role(), f.sha256()));
        }
        b.append("\nTo check this folder offline: edgectl evidence verify <this folder>\n");
        return b.toString();
    }

    public static String html(EvidenceManifest m, String manifestSha256, String keyFingerprint) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Evidence ")
                .append(esc(m.packageId())).append("</title>\n<style>body{font-family:sans-serif}"
                        + ".bar{display:flex;flex-wrap:wrap;background:#111;color:#fff;padding:6px}"
                        + ".bar div{margin-right:18px}.bar b{color:#fc0}td{padding:2px 8px}</style></head><body>\n");
        b.append("<h1>Evidence package ").append(esc(m.packageId())).append("</h1>\n<div class=\"bar\">");
        dataBar(m).forEach((k, v) -> b.append("<div><b>").append(esc(k)).append("</b> ").append(esc(v)).append("</div>"));
        b.append("</div>\n");
        for (EvidenceManifest.FileEntry f : m.files()) {
            if (f.name().endsWith(".jpg")) {
                b.append("<figure><img src=\"").append(esc(f.name())).append("\" style=\"max-width:100%\"><figcaption>")
                        .append(esc(f.name())).append(" — ").append(esc(f.role())).append("</figcaption></figure>\n");
            }
        }
        b.append("<table>\n");
        details(m, manifestSha256, keyFingerprint).forEach((k, v) ->
                b.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v)).append("</td></tr>\n"));
        for (EvidenceManifest.FileEntry f : m.files()) {
            b.append("<tr><td>SHA-256 ").append(esc(f.name())).append("</td><td><code>").append(f.sha256())
                    .append("</code></td></tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    private static Map<String, String> details(EvidenceManifest m, String manifestSha256, String keyFingerprint) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Camera", m.cameraId());
        d.put("Package made", time(m.createdAt()));
        JsonNode r = m.measurement();
        if (r != null) {
            r.fieldNames().forEachRemaining(k -> {
                if (!k.equals("eventTime") && !k.equals("speedBased")) {
                    d.put(label(k), value(r.get(k)));
                }
            });
        }
        EvidenceManifest.ClockState c = m.clock();
        d.put("Clock", c == null ? "unknown" : (c.synchronised() ? "synchronised" : "NOT synchronised") + " (source "
                + c.source() + (c.estimatedOffsetMillis() == null ? ", offset unknown"
                : String.format(Locale.ROOT, ", estimated offset %.1f ms", c.estimatedOffsetMillis())) + ")");
        EvidenceManifest.Calibration cal = m.calibration();
        d.put("Calibration", cal == null ? "none" : cal.id() + ", valid until " + cal.validUntil());
        EvidenceManifest.Enforceability e = m.enforceability();
        d.put("Enforceable", e == null ? "not stated" : (e.enforceable() ? "yes" : "NO")
                + (e.notes().isEmpty() ? "" : " — " + String.join("; ", e.notes())));
        d.put("Chain position", m.sequence() + " (previous manifest " + m.previousManifestSha256() + ")");
        d.put("Manifest SHA-256", manifestSha256);
        d.put("Unit key fingerprint", keyFingerprint);
        if (m.software() != null) {
            d.put("Software", m.software().version() + ", detector " + m.software().detector());
        }
        return d;
    }

    /** camelCase field name → "Camel case" label. */
    static String label(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "-";
        }
        if (v.isTextual()) {
            String t = v.asText();
            if (t.equals("NaN")) {
                return "-";
            }
            try {
                return time(Instant.parse(t));
            } catch (java.time.format.DateTimeParseException notATime) {
                return t;
            }
        }
        if (v.isFloatingPointNumber()) {
            return String.format(Locale.ROOT, "%.3f", v.asDouble());
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static Instant instant(JsonNode r, String key, Instant otherwise) {
        if (r == null || !r.hasNonNull(key)) {
            return otherwise;
        }
        try {
            return Instant.parse(r.get(key).asText());
        } catch (java.time.format.DateTimeParseException e) {
            return otherwise;
        }
    }

    private static double number(JsonNode r, String key) {
        if (r == null || !r.hasNonNull(key) || !r.get(key).isNumber()) {
            return Double.NaN;
        }
        return r.get(key).asDouble();
    }

    private static String time(Instant t) {
        return t == null ? "-" : UTC.format(t);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
