package tw.enforce.gpio.pi4j;

import tw.enforce.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.gpio.pi4j.LeadingEdgeDebouncer.Change;

class LeadingEdgeDebouncerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final List<Change> changes = new ArrayList<>();
    private final LeadingEdgeDebouncer debouncer =
            new LeadingEdgeDebouncer(clock, Duration.ofMillis(20), false, changes::add);

    @Test
    void firstTransitionIsDeliveredAtOnceWithItsClockTime() {
        clock.set(T0.plusMillis(1234));

        debouncer.onRaw(true);

        assertEquals(List.of(new Change(true, T0.plusMillis(1234))), changes);
        assertTrue(debouncer.isHigh());
    }

    @Test
    void bouncesInsideTheWindowAreSuppressed() {
        debouncer.onRaw(true);
        clock.advance(Duration.ofMillis(2));
        debouncer.onRaw(false);
        clock.advance(Duration.ofMillis(3));
        debouncer.onRaw(true);
        clock.advance(Duration.ofMillis(100));
        debouncer.settle();

        assertEquals(List.of(new Change(true, T0)), changes);
    }

    @Test
    void levelThatChangedInsideTheWindowIsReconciledWithTheTimeOfThatChange() {
        debouncer.onRaw(true);
        clock.advance(Duration.ofMillis(5));
        debouncer.onRaw(false);
        clock.advance(Duration.ofMillis(10));
        debouncer.settle();
        assertEquals(1, changes.size(), "window still open at 15 ms");

        clock.advance(Duration.ofMillis(10));
        debouncer.settle();

        assertEquals(List.of(new Change(true, T0), new Change(false, T0.plusMillis(5))), changes);
        assertFalse(debouncer.isHigh());
    }

    @Test
    void nextRawChangeAfterTheWindowReconcilesFirstThenDeliversInOrder() {
        debouncer.onRaw(true);
        clock.advance(Duration.ofMillis(5));
        debouncer.onRaw(false);
        clock.set(T0.plusMillis(500));
        debouncer.onRaw(true);

        assertEquals(List.of(new Change(true, T0), new Change(false, T0.plusMillis(5)),
                new Change(true, T0.plusMillis(500))), changes);
    }

    @Test
    void changesOutsideTheWindowAreEachDelivered() {
        debouncer.onRaw(true);
        clock.advance(Duration.ofMillis(20));
        debouncer.onRaw(false);
        clock.advance(Duration.ofMillis(21));
        debouncer.onRaw(true);

        assertEquals(3, changes.size());
        assertEquals(T0.plusMillis(41), changes.get(2).at());
    }

    @Test
    void repeatedReportOfTheSameLevelIsNoEdge() {
        debouncer.onRaw(false);
        clock.advance(Duration.ofSeconds(1));
        debouncer.onRaw(false);

        assertTrue(changes.isEmpty());
    }
}
