package tw.enforce.runtime.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalHistoryTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void lampEdgesBecomePhaseIntervalsWithEdgeTimes() {
        SignalHistory h = new SignalHistory(T0);
        h.lampChanged(SignalPhase.GREEN, true, T0);
        h.lampChanged(SignalPhase.GREEN, false, T0.plusMillis(10_000));
        h.lampChanged(SignalPhase.AMBER, true, T0.plusMillis(10_000));
        h.lampChanged(SignalPhase.AMBER, false, T0.plusMillis(13_000));
        h.lampChanged(SignalPhase.RED, true, T0.plusMillis(13_000));
        List<PhaseInterval> all = h.between(T0, T0.plusSeconds(60));
        PhaseInterval last = all.get(all.size() - 1);
        assertEquals(SignalPhase.RED, last.phase());
        assertEquals(T0.plusMillis(13_000), last.from());
        assertNull(last.to());
        assertEquals(SignalPhase.AMBER, all.stream().filter(p -> p.contains(T0.plusMillis(12_999))).findFirst().orElseThrow().phase());
    }

    @Test
    void twoLampsLitAtOnceIsAConflict() {
        SignalHistory h = new SignalHistory(T0);
        h.lampChanged(SignalPhase.RED, true, T0.plusSeconds(1));
        h.lampChanged(SignalPhase.GREEN, true, T0.plusSeconds(2));
        assertEquals(SignalPhase.CONFLICT, h.current());
    }

    @Test
    void pruneDropsOnlyOldIntervals() {
        SignalHistory h = new SignalHistory(T0);
        h.lampChanged(SignalPhase.GREEN, true, T0.plusSeconds(1));
        h.lampChanged(SignalPhase.GREEN, false, T0.plusSeconds(2));
        h.lampChanged(SignalPhase.RED, true, T0.plusSeconds(3));
        h.prune(T0.plusMillis(2500));
        List<PhaseInterval> left = h.between(T0, T0.plusSeconds(10));
        assertEquals(SignalPhase.DARK, left.get(0).phase());
        assertEquals(T0.plusSeconds(2), left.get(0).from());
    }
}
