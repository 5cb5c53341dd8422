package tw.enforce.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The center's answer for one package, published on the unit's ack topic after the package is
 * durably stored (ACCEPTED), found already stored (DUPLICATE) or quarantined (REJECTED, with a reason).
 * JSON: {"centerTime":"2026-...Z","packageId":"...","reason":"...","status":"ACCEPTED"}.
 */
public record Ack(String packageId, Status status, String reason, Instant centerTime) {

    public enum Status {
        ACCEPTED, REJECTED, DUPLICATE;

        /** Whether the unit may consider the package delivered. */
        public boolean delivered() {
            return this != REJECTED;
        }
    }

    public Ack {
        SafeNames.require("package id", packageId);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(centerTime, "centerTime");
        reason = reason == null ? "" : reason;
    }

    public byte[] toJson() {
        ObjectNode n = CanonicalJson.mapper().createObjectNode();
        n.put("packageId", packageId);
        n.put("status", status.name());
        n.put("reason", reason);
        n.put("centerTime", centerTime.toString());
        return CanonicalJson.write(n);
    }

    public static Ack fromJson(byte[] json) throws MalformedMessageException {
        JsonNode n = CanonicalJson.read(json);
        String packageId = text(n, "packageId");
        String status = text(n, "status");
        String time = text(n, "centerTime");
        JsonNode reason = n.get("reason");
        try {
            return new Ack(packageId, Status.valueOf(status), reason == null ? "" : reason.asText(), Instant.parse(time));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedMessageException("ack for '" + SafeNames.printable(packageId) + "': " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) throws MalformedMessageException {
        JsonNode v = n.isObject() ? n.get(field) : null;
        if (v == null || !v.isTextual()) {
            throw new MalformedMessageException("ack: '" + field + "' missing or not a string");
        }
        return v.asText();
    }
}
