package tw.enforce.runtime.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;

class FrameRingTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    static Frame frame(long seq) {
        return new Frame("cam", seq, T0.plusMillis(seq * 100), 4, 2, new byte[24]);
    }

    @Test
    void keepsOnlyTheWindowAndCountsItsBytes() {
        FrameRing ring = new FrameRing(Duration.ofSeconds(1), f -> new byte[] {(byte) f.sequence(), 0, 0});
        for (long s = 0; s < 30; s++) {
            ring.add(frame(s));
        }
        assertEquals(11, ring.size(), "frames 19..29 are within 1 s of frame 29");
        assertEquals(33, ring.bytes());
        assertTrue(ring.find(18).isEmpty());
        assertEquals(19, ring.find(19).orElseThrow().jpeg()[0]);
    }
}
