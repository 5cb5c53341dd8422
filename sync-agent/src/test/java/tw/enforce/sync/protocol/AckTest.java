package tw.enforce.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AckTest {
    @Test
    void ackSurvivesJsonRoundTripAsCanonicalJson() throws Exception {
        Ack ack = new Ack("pkg-1", Ack.Status.REJECTED, "scene-1.jpg: hash mismatch", Instant.parse("2026-03-01T08:00:00.123Z"));
        byte[] json = ack.toJson();

        assertEquals("{\"centerTime\":\"2026-03-01T08:00:00.123Z\",\"packageId\":\"pkg-1\","
                + "\"reason\":\"scene-1.jpg: hash mismatch\",\"status\":\"REJECTED\"}", new String(json, StandardCharsets.UTF_8));
        assertEquals(ack, Ack.fromJson(json));
    }

    @Test
    void unknownStatusOrMissingFieldIsMalformedNamingIt() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> Ack.fromJson(
                "{\"centerTime\":\"2026-03-01T08:00:00Z\",\"packageId\":\"p\",\"status\":\"MAYBE\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("MAYBE"), e.getMessage());
        e = assertThrows(MalformedMessageException.class, () -> Ack.fromJson("{\"packageId\":\"p\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("status"), e.getMessage());
    }

    @Test
    void onlyRejectedCountsAsNotDelivered() {
        assertTrue(Ack.Status.ACCEPTED.delivered());
        assertTrue(Ack.Status.DUPLICATE.delivered());
        assertEquals(false, Ack.Status.REJECTED.delivered());
    }
}
