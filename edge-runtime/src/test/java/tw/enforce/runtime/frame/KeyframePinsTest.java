package tw.enforce.runtime.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;

class KeyframePinsTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    static FrameRing.EncodedFrame frame(long seq, double seconds, int bytes) {
        return new FrameRing.EncodedFrame(seq, T0.plusMillis(Math.round(seconds * 1000)), 1280, 720, new byte[bytes]);
    }

    @Test
    void pinnedBytesNeverExceedTheCapWhateverTracksStand() {
        KeyframePins pins = new KeyframePins(Duration.ofSeconds(1), 8, 100_000);
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            double t = i * 0.1;
            long track = random.nextInt(40);
            pins.offer(track, frame(i + 1, t, 2_000 + random.nextInt(20_000)));
            if (random.nextInt(50) == 0) {
                pins.release(random.nextInt(40));
            }
            assertTrue(pins.bytes() <= 100_000, "at offer " + i + ": " + pins.bytes());
            assertEquals(pins.bytes(), sumOfPinned(pins, 40));
        }
        for (long track = 0; track < 40; track++) {
            assertTrue(pins.frames(track).size() <= 8);
            pins.release(track);
        }
        assertEquals(0, pins.bytes());
        assertEquals(0, pins.size());
    }

    @Test
    void aLongStandKeepsItsFirstFrameAndStaysEvenlyCoveredWithinItsCap() {
        KeyframePins pins = new KeyframePins(Duration.ofSeconds(2), 6, 10_000_000);
        for (int i = 0; i <= 600; i++) { // 120 s at 5 fps
            pins.offer(1, frame(100 + i, i / 5.0, 1000));
        }
        List<FrameRing.EncodedFrame> kept = pins.frames(1);
        assertTrue(kept.size() <= 6, "kept " + kept.size());
        assertEquals(100, kept.get(0).sequence(), "the stand's first frame survives thinning");
        for (int k = 1; k < kept.size(); k++) {
            double gap = Duration.between(kept.get(k - 1).at(), kept.get(k).at()).toMillis() / 1000.0;
            assertTrue(gap <= 32, "gap " + gap + " s between pins");
        }
    }

    @Test
    void aFrameThatLeftTheRingIsServedByTheNearestPinWithinTheOffsetOnly() {
        KeyframePins pins = new KeyframePins(Duration.ofSeconds(3), 24, 10_000_000);
        FrameRing ring = new FrameRing(Duration.ofSeconds(8), f -> new byte[] {(byte) f.sequence()});
        for (int i = 0; i <= 300; i++) { // 60 s at 5 fps
            Frame f = new Frame("cam-1", i + 1, T0.plusMillis(i * 200L), 4, 2, new byte[4 * 2 * 3]);
            ring.add(f);
            if (i >= 15) {
                pins.offer(9, ring.find(i + 1).orElseThrow());
            }
        }
        assertEquals(16, pins.nearest(9, 16, ring, Duration.ofSeconds(3)).orElseThrow().sequence());
        assertEquals(16, pins.nearest(9, 14, ring, Duration.ofSeconds(3)).orElseThrow().sequence());
        long middle = pins.nearest(9, 150, ring, Duration.ofSeconds(3)).orElseThrow().sequence();
        assertTrue(Math.abs(middle - 150) <= 8, "nearest pin to 150: " + middle);
        assertFalse(pins.nearest(9, 1, ring, Duration.ofSeconds(1)).isPresent(), "3 s before the first pin");
        assertFalse(pins.nearest(8, 150, ring, Duration.ofSeconds(3)).isPresent(), "another track's pins never stand in");
        assertEquals(290, pins.nearest(9, 290, ring, Duration.ofSeconds(3)).orElseThrow().sequence(), "ring frames exactly");
    }

    private static long sumOfPinned(KeyframePins pins, int tracks) {
        long sum = 0;
        for (long t = 0; t < tracks; t++) {
            sum += pins.frames(t).stream().mapToLong(f -> f.jpeg().length).sum();
        }
        return sum;
    }
}
