package tw.enforce.sync.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.MalformedMessageException;

/**
 * Violations sent since start, counted per rule, per lane and per UTC hour of the violation (from
 * each manifest's {@code rule}, {@code lane} and {@code createdAt}; "unknown" when absent): the hot
 * times and hot spots the center plans enforcement with. Fed once per package, on its first publish.
 */
public final class ViolationCounts {
    private final Map<String, Long> perRule = new TreeMap<>();
    private final Map<String, Long> perLane = new TreeMap<>();
    private final Map<String, Long> perHour = new TreeMap<>();

    public synchronized void add(byte[] manifestJson) {
        String rule = "unknown";
        String lane = "unknown";
        String hour = "unknown";
        try {
            JsonNode m = CanonicalJson.read(manifestJson);
            if ("PASSAGE".equals(m.path("kind").asText(null))) {
                return; // a section unit's record of a vehicle going by, not a violation
            }
            rule = m.path("rule").isTextual() ? m.path("rule").asText() : rule;
            lane = m.path("lane").isTextual() ? m.path("lane").asText() : lane;
            if (m.path("createdAt").isTextual()) {
                hour = Instant.parse(m.path("createdAt").asText()).truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC)
                        .toString();
            }
        } catch (MalformedMessageException | DateTimeParseException e) {
            // counted under "unknown": stats never stop a package
        }
        perRule.merge(rule, 1L, Long::sum);
        perLane.merge(lane, 1L, Long::sum);
        perHour.merge(hour, 1L, Long::sum);
    }

    public synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("perRule", new TreeMap<>(perRule));
        m.put("perLane", new TreeMap<>(perLane));
        m.put("perHour", new TreeMap<>(perHour));
        return m;
    }
}
