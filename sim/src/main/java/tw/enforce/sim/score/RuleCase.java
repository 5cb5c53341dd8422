package tw.enforce.sim.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.MalformedMessageException;

/**
 * Any rule's case as a unit stored it: the manifest's {@code rule} (RED_LIGHT when absent, as in
 * the first manifests), {@code measurement.eventTime} (the first red-light manifests only had
 * {@code stopLineCrossing}), the measured speed (NaN when none), the time into red (NaN unless
 * RED_LIGHT), lane and plate. {@code ticket} is false when the unit marked the case not enforceable
 * (for a speed case: its speed not enforceable, e.g. radar disagreement): such a case is counted
 * apart, neither a hit nor a wrong ticket.
 */
public record RuleCase(String packageId, String rule, Instant eventTime, String lane, double speedKmh,
                       double timeIntoRedSeconds, String plate, boolean ticket) {

    public static RuleCase read(Path packageDir) throws IOException {
        Path file = packageDir.resolve("manifest.json");
        JsonNode m;
        try {
            m = CanonicalJson.read(Files.readAllBytes(file));
        } catch (MalformedMessageException e) {
            throw new IOException(file + ": unreadable manifest: " + e.getMessage(), e);
        }
        String rule = m.hasNonNull("rule") ? m.get("rule").asText() : "RED_LIGHT";
        JsonNode meas = m.path("measurement");
        String at = meas.hasNonNull("eventTime") ? meas.get("eventTime").asText()
                : meas.hasNonNull("stopLineCrossing") ? meas.get("stopLineCrossing").asText() : null;
        if (at == null) {
            throw new IOException(file + ": " + rule + " manifest has no measurement.eventTime");
        }
        double speed = number(meas, "speedKmh");
        if (Double.isNaN(speed)) {
            speed = number(m, "speedKmh");
        }
        JsonNode enf = m.path("enforceability");
        boolean ticket = enf.path("enforceable").asBoolean(true)
                && (!"SPEED".equals(rule) || enf.path("speedEnforceable").asBoolean(true));
        return new RuleCase(m.path("packageId").asText(null), rule, Instant.parse(at), m.path("lane").asText(null), speed,
                number(meas, "timeIntoRedSeconds"), m.path("vehicle").path("plate").path("text").asText(null), ticket);
    }

    private static double number(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
