package tw.enforce.sync.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.testing.FakeClock;

class CommandVerifierTest {
    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path tmp;
    final KeyPair center = Ed25519Keys.generate();
    final FakeClock clock = new FakeClock(NOW);
    CommandLog log;
    CommandVerifier verifier;

    @BeforeEach
    void open() throws Exception {
        log = new CommandLog(tmp.resolve("unit.db"));
        verifier = new CommandVerifier(center.getPublic(), "U1", log, clock, Duration.ofHours(24), Duration.ofMinutes(2));
    }

    @AfterEach
    void close() throws Exception {
        log.close();
    }

    private static SignedCommand ping(String id, String unit, Instant from, Instant to) {
        return new SignedCommand(id, unit, "ping", from, to, Map.of());
    }

    private String rejected(byte[] message) {
        return assertInstanceOf(CommandVerifier.Rejected.class, verifier.verify(message)).reason();
    }

    @Test
    void commandSignedByTheCenterWithinItsWindowIsAcceptedOnce() {
        byte[] m = ping("c-1", "U1", NOW.minusSeconds(60), NOW.plusSeconds(600)).sign(center.getPrivate());

        CommandVerifier.Accepted a = assertInstanceOf(CommandVerifier.Accepted.class, verifier.verify(m));
        assertEquals("ping", a.command().name());
        assertTrue(rejected(m).startsWith("replayed"));
    }

    @Test
    void replayIsRefusedAfterARestartToo() throws Exception {
        byte[] m = ping("c-2", "U1", NOW, NOW.plusSeconds(600)).sign(center.getPrivate());
        verifier.verify(m);
        log.close();
        open();

        assertTrue(rejected(m).startsWith("replayed"));
    }

    @Test
    void commandSignedByAnotherKeyIsRefused() {
        byte[] m = ping("c-3", "U1", NOW, NOW.plusSeconds(600)).sign(Ed25519Keys.generate().getPrivate());
        assertTrue(rejected(m).startsWith("bad signature"));
    }

    @Test
    void unsignedCommandIsRefused() {
        String body = Base64.getEncoder().encodeToString(ping("c-4", "U1", NOW, NOW.plusSeconds(60)).body());
        assertTrue(rejected(("{\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8)).startsWith("unsigned"));
    }

    @Test
    void expiredAndNotYetValidCommandsAreRefused() {
        assertTrue(rejected(ping("c-5", "U1", NOW.minusSeconds(3600), NOW.minusSeconds(600))
                .sign(center.getPrivate())).startsWith("expired"));
        assertTrue(rejected(ping("c-6", "U1", NOW.plusSeconds(3600), NOW.plusSeconds(7200))
                .sign(center.getPrivate())).startsWith("not valid before"));
    }

    @Test
    void overlongValidityIsRefusedSoReplayMemoryStaysBounded() {
        assertTrue(rejected(ping("c-7", "U1", NOW, NOW.plus(Duration.ofDays(30))).sign(center.getPrivate()))
                .contains("longer than"));
    }

    @Test
    void commandForAnotherUnitIsRefused() {
        assertTrue(rejected(ping("c-8", "U2", NOW, NOW.plusSeconds(60)).sign(center.getPrivate()))
                .startsWith("addressed to unit U2"));
    }

    @Test
    void malformedAndOversizedMessagesAreRefused() {
        assertTrue(rejected("{not json".getBytes(StandardCharsets.UTF_8)).startsWith("malformed"));
        assertTrue(rejected("{\"body\":\"@@@\",\"sig\":\"x\"}".getBytes(StandardCharsets.UTF_8)).startsWith("malformed"));
        assertTrue(rejected(new byte[CommandVerifier.MAX_BYTES + 1]).startsWith("oversized"));
    }

    @Test
    void aForgedCopyDoesNotBurnTheGenuineId() {
        SignedCommand c = ping("c-9", "U1", NOW, NOW.plusSeconds(60));
        verifier.verify(c.sign(Ed25519Keys.generate().getPrivate()));
        assertInstanceOf(CommandVerifier.Accepted.class, verifier.verify(c.sign(center.getPrivate())));
    }
}
