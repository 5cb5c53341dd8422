package tw.enforce.sync.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.MalformedMessageException;
import tw.enforce.sync.protocol.SafeNames;

/**
 * Decides whether a command message may run on this unit: small enough, well formed, signed by the
 * center key over its exact body, addressed to this unit, inside its validity window (allowing for
 * clock skew) with a window no longer than {@code maxValidity}, and never seen before. The checks run
 * in that order and the first failure is the reason given; the replay check comes last, so a forged
 * or expired message never burns a genuine id.
 */
public final class CommandVerifier {
    public static final int MAX_BYTES = 16 * 1024;

    /** Outcome: a command to run, or a refusal with the reason and the id when one could be read. */
    public sealed interface Decision permits Accepted, Rejected {
    }

    public record Accepted(SignedCommand command) implements Decision {
    }

    public record Rejected(String commandId, String reason) implements Decision {
    }

    private final PublicKey centerKey;
    private final String unitId;
    private final CommandLog log;
    private final Clock clock;
    private final Duration maxValidity;
    private final Duration skew;

    public CommandVerifier(PublicKey centerKey, String unitId, CommandLog log, Clock clock, Duration maxValidity,
                           Duration skew) {
        this.centerKey = centerKey;
        this.unitId = unitId;
        this.log = log;
        this.clock = clock;
        this.maxValidity = maxValidity;
        this.skew = skew;
    }

    public Decision verify(byte[] message) {
        if (message.length > MAX_BYTES) {
            return new Rejected(null, "oversized: " + message.length + " bytes, at most " + MAX_BYTES);
        }
        byte[] body;
        byte[] sig;
        try {
            JsonNode outer = CanonicalJson.read(message);
            JsonNode b = outer.get("body");
            if (b == null || !b.isTextual()) {
                return new Rejected(null, "malformed: no 'body'");
            }
            body = Base64.getDecoder().decode(b.asText());
            JsonNode s = outer.get("sig");
            if (s == null || !s.isTextual() || s.asText().isEmpty()) {
                return new Rejected(idIn(body), "unsigned: no 'sig'");
            }
            sig = Base64.getDecoder().decode(s.asText());
        } catch (MalformedMessageException | IllegalArgumentException e) {
            return new Rejected(null, "malformed: " + e.getMessage());
        }
        if (!Ed25519Keys.verify(centerKey, body, sig)) {
            return new Rejected(idIn(body), "bad signature: not signed by the center key");
        }
        SignedCommand c;
        try {
            c = parse(body);
        } catch (MalformedMessageException e) {
            return new Rejected(idIn(body), "malformed: " + e.getMessage());
        }
        if (!c.unitId().equals(unitId)) {
            return new Rejected(c.commandId(), "addressed to unit " + c.unitId() + ", this is " + unitId);
        }
        Instant now = clock.instant();
        if (!c.notAfter().isAfter(c.notBefore()) || Duration.between(c.notBefore(), c.notAfter()).compareTo(maxValidity) > 0) {
            return new Rejected(c.commandId(), "validity " + c.notBefore() + ".." + c.notAfter() + " is empty or longer than "
                    + maxValidity);
        }
        if (now.isAfter(c.notAfter().plus(skew))) {
            return new Rejected(c.commandId(), "expired at " + c.notAfter() + " (now " + now + ")");
        }
        if (now.isBefore(c.notBefore().minus(skew))) {
            return new Rejected(c.commandId(), "not valid before " + c.notBefore() + " (now " + now + ")");
        }
        try {
            if (!log.firstSeen(c.commandId(), c.notAfter().plus(skew), now)) {
                return new Rejected(c.commandId(), "replayed: command " + c.commandId() + " was already taken");
            }
        } catch (SQLException e) {
            return new Rejected(c.commandId(), "replay memory unavailable: " + e.getMessage());
        }
        return new Accepted(c);
    }

    private static SignedCommand parse(byte[] body) throws MalformedMessageException {
        JsonNode n = CanonicalJson.read(body);
        String id = safe(n, "commandId");
        String unit = safe(n, "unitId");
        String name = safe(n, "name");
        Instant from = instant(n, "notBefore");
        Instant to = instant(n, "notAfter");
        Map<String, String> args = new HashMap<>();
        JsonNode a = n.get("args");
        if (a != null && a.isObject()) {
            var fields = a.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                args.put(f.getKey(), f.getValue().asText());
            }
        }
        return new SignedCommand(id, unit, name, from, to, args);
    }

    private static String idIn(byte[] body) {
        try {
            JsonNode id = CanonicalJson.read(body).get("commandId");
            return id != null && id.isTextual() && SafeNames.isSafe(id.asText()) ? id.asText() : null;
        } catch (MalformedMessageException e) {
            return null;
        }
    }

    private static String safe(JsonNode n, String field) throws MalformedMessageException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || !SafeNames.isSafe(v.asText())) {
            throw new MalformedMessageException("'" + field + "' missing or not a safe name");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode n, String field) throws MalformedMessageException {
        JsonNode v = n.get(field);
        try {
            return Instant.parse(v == null ? "" : v.asText());
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("'" + field + "' missing or not an ISO-8601 instant");
        }
    }
}
