package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A zone where a vehicle may not stand longer than {@code maxDwellSeconds}; a simple polygon in site metres. */
public record NoStoppingZone(@JsonProperty(required = true) String id,
                             @JsonProperty(required = true) ZoneKind kind,
                             @JsonProperty(required = true) double maxDwellSeconds,
                             @JsonProperty(required = true) List<SitePoint> polygon) {
    public NoStoppingZone {
        SiteConfig.requireId("no-stopping zone id", id);
        if (!(maxDwellSeconds > 0) || maxDwellSeconds > 86_400) {
            throw new IllegalArgumentException("no-stopping zone " + id + ": maxDwellSeconds must be in (0, 86400], got " + maxDwellSeconds);
        }
        if (polygon == null || polygon.size() < 3) {
            throw new IllegalArgumentException("no-stopping zone " + id + ": polygon needs at least 3 points, got "
                    + (polygon == null ? 0 : polygon.size()));
        }
        polygon = List.copyOf(polygon);
        if (Math.abs(signedArea(polygon)) < 0.5) {
            throw new IllegalArgumentException("no-stopping zone " + id + ": polygon encloses less than 0.5 m² (points collinear or repeated)");
        }
    }

    /** Even-odd point-in-polygon test. */
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            SitePoint a = polygon.get(i), b = polygon.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    static double signedArea(List<SitePoint> p) {
        double a = 0;
        for (int i = 0; i < p.size(); i++) {
            SitePoint c = p.get(i), n = p.get((i + 1) % p.size());
            a += c.x() * n.y() - n.x() * c.y();
        }
        return a / 2;
    }
}
