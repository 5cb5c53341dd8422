package tw.enforce.sync.command;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * A command from the center to one unit. On the wire it is canonical JSON
 * {@code {"body": base64(canonical command JSON), "sig": base64(Ed25519 over those body bytes)}}: the
 * signature covers the exact bytes, never a re-encoding. {@code commandId} is unique per command (the
 * unit refuses one it has seen), {@code notBefore..notAfter} bounds when it may run.
 */
public record SignedCommand(String commandId, String unitId, String name, Instant notBefore, Instant notAfter,
                            Map<String, String> args) {

    public SignedCommand {
        args = Map.copyOf(args);
    }

    public byte[] body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commandId", commandId);
        m.put("unitId", unitId);
        m.put("name", name);
        m.put("notBefore", notBefore.toString());
        m.put("notAfter", notAfter.toString());
        m.put("args", new TreeMap<>(args));
        return CanonicalJson.write(m);
    }

    /** The message the center publishes on the unit's command topic. */
    public byte[] sign(PrivateKey centerKey) {
        byte[] body = body();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("body", Base64.getEncoder().encodeToString(body));
        m.put("sig", Base64.getEncoder().encodeToString(Ed25519Keys.sign(centerKey, body)));
        return CanonicalJson.write(m);
    }

    @Override
    public String toString() {
        return name + " " + commandId + " for " + unitId + " " + new String(body(), StandardCharsets.UTF_8);
    }
}
