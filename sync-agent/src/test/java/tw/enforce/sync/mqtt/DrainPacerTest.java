package tw.enforce.sync.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DrainPacerTest {
    private static final long S = 1_000_000_000L;

    @Test
    void bandwidthCapSpacesMessagesBySizeOverCap() {
        DrainPacer p = new DrainPacer(100_000, 0);
        assertEquals(0, p.reserve(200_000, 0), "the first goes at once");
        assertEquals(2 * S, p.reserve(50_000, 0), "the next waits until 200 kB have had their 2 s");
        assertEquals(2 * S + S / 2 - S, p.reserve(1, S), "and the one after, 0.5 s later still");
    }

    @Test
    void drainRateLimitsMessagesPerSecondWhateverTheirSize() {
        DrainPacer p = new DrainPacer(0, 4);
        long t = 0;
        long total = 0;
        for (int i = 0; i < 9; i++) {
            long wait = p.reserve(10, t);
            total += wait;
            t += wait;
        }
        assertEquals(2 * S, t, "9 messages at 4/s take 2 s after the first");
    }

    @Test
    void idleTimeIsNotSavedUpAsABurst() {
        DrainPacer p = new DrainPacer(1000, 0);
        p.reserve(1000, 0);
        assertEquals(0, p.reserve(1000, 60 * S));
        assertEquals(S, p.reserve(1000, 60 * S), "a minute idle does not allow two at once");
    }

    @Test
    void unlimitedNeverWaits() {
        DrainPacer p = new DrainPacer(0, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, p.reserve(10_000_000, 0));
        }
    }

    @Test
    void negativeLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DrainPacer(-1, 0));
    }
}
