package tw.enforce.sync.command;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tw.enforce.sync.protocol.CanonicalJson;

/** The unit's answer on {@code cmd/result}: commandId is null when the message did not yield one. */
public record CommandResult(String commandId, Status status, String reason, Instant at) {

    public enum Status { EXECUTED, FAILED, REJECTED }

    public byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commandId", commandId);
        m.put("status", status.name());
        m.put("reason", reason);
        m.put("at", at.toString());
        return CanonicalJson.write(m);
    }
}
