package tw.enforce.sync.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViolationCountsTest {
    @Test
    void violationsAreCountedPerRuleAndPassagesNotAtAll() {
        ViolationCounts c = new ViolationCounts();
        c.add("{\"createdAt\":\"2026-11-26T02:10:00Z\",\"lane\":\"L1\",\"rule\":\"RED_LIGHT\"}".getBytes(StandardCharsets.UTF_8));
        c.add("{\"createdAt\":\"2026-11-26T02:11:00Z\",\"kind\":\"PASSAGE\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("RED_LIGHT", 1L), c.snapshot().get("perRule"));
        assertEquals(Map.of("L1", 1L), c.snapshot().get("perLane"));
    }
}
