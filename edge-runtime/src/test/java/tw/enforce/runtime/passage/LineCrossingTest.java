package tw.enforce.runtime.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.rule.TrajectorySample;

class LineCrossingTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    private static List<TrajectorySample> track(double... ys) {
        List<TrajectorySample> s = new ArrayList<>();
        for (int i = 0; i < ys.length; i++) {
            s.add(new TrajectorySample(i, T0.plusMillis(100L * i), 0, 0, 1.0 + i * 0.1, ys[i], false));
        }
        return s;
    }

    @Test
    void crossingTimeIsInterpolatedBetweenTheFramesAroundTheLine() {
        LineCrossing.Crossing c = LineCrossing.find(track(-12, -11, -10.5, -9.5, -8.5, -7.5), -10).orElseThrow();
        assertEquals(T0.plusMillis(250), c.at());
        assertEquals(2, c.frameBefore());
        assertEquals(3, c.frameAfter());
        assertEquals(1.25, c.x(), 1e-9);
    }

    @Test
    void oneWildGroundPointDoesNotMakeACrossing() {
        assertTrue(LineCrossing.find(track(-14, -13, -2, -12, -11, -10.5), -10).isEmpty());
    }

    @Test
    void truncatedObservationsAreNotUsed() {
        List<TrajectorySample> s = new ArrayList<>(track(-12, -11, -10.5));
        s.add(new TrajectorySample(3, T0.plusMillis(300), 0, 0, 1, -9.5, true));
        assertTrue(LineCrossing.find(s, -10).isEmpty());
    }

    @Test
    void travelAgainstTheDirectionIsNoPassage() {
        assertTrue(LineCrossing.find(track(-7, -8, -9, -10.5, -11, -12), -10).isEmpty());
    }
}
