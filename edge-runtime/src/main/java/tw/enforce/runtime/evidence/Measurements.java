package tw.enforce.runtime.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tw.enforce.runtime.rule.RuleOutcome;
import tw.enforce.sync.protocol.CanonicalJson;

/**
 * The manifest's {@code measurement}: the rule's measurement record as JSON, with the decisive
 * instant as {@code eventTime} and the measured speed as {@code speedKmh} whatever the rule's
 * record calls them, so every case can be matched by time and shown the same way. Replay builds it
 * the same way from the replayed violation and compares the canonical bytes.
 */
public final class Measurements {
    private Measurements() {
    }

    public static JsonNode of(RuleOutcome.Violation v) {
        JsonNode node = tree(v.measurement());
        ObjectNode o = node instanceof ObjectNode on ? on : CanonicalJson.mapper().createObjectNode().set("value", node);
        o.put("eventTime", v.eventTime().toString());
        if (!o.has("speedKmh")) {
            o.put("speedKmh", v.speedKmh());
        }
        o.put("speedBased", v.speedBased());
        return o;
    }

    /** A record as a JSON tree the canonical writer writes exactly as it would write the record. */
    public static JsonNode tree(Object value) {
        return value == null ? null : CanonicalJson.mapper().valueToTree(value);
    }

    public static byte[] canonical(JsonNode node) {
        return CanonicalJson.write(node);
    }
}
