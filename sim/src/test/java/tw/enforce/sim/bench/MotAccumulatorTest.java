package tw.enforce.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.detect.BoundingBox;

class MotAccumulatorTest {
    private static final BoundingBox A = new BoundingBox(0, 0, 100, 100);
    private static final BoundingBox B = new BoundingBox(300, 0, 400, 100);

    @Test
    void aTrackThatKeepsItsIdOverEveryFrameHasNoSwitchAndFullRecall() {
        MotAccumulator acc = new MotAccumulator(0.5, 2);
        for (int k = 0; k < 10; k++) {
            acc.frame(List.of(truth("v1", k, A)), List.of(new MotAccumulator.Hypothesis(7, shift(A, k + 2))));
        }

        MotAccumulator.Figures f = acc.figures();
        assertEquals(1, f.objects());
        assertEquals(0, f.idSwitches());
        assertEquals(1.0, f.recall(), 1e-9);
        assertEquals(1.0, f.mota(), 1e-9);
    }

    @Test
    void anIdHandedToANewTrackIsOneSwitchAndAGapIsOneFragmentation() {
        MotAccumulator acc = new MotAccumulator(0.5, 2);
        acc.frame(List.of(truth("v1", 0, A)), List.of(new MotAccumulator.Hypothesis(1, A)));
        acc.frame(List.of(truth("v1", 0, A)), List.of());
        acc.frame(List.of(truth("v1", 0, A)), List.of(new MotAccumulator.Hypothesis(2, A)));
        acc.frame(List.of(truth("v1", 0, A)), List.of(new MotAccumulator.Hypothesis(2, A)));

        MotAccumulator.Figures f = acc.figures();
        assertEquals(1, f.idSwitches());
        assertEquals(1, f.fragmentations());
        assertEquals(0, f.longFragmentations(), "a one-frame gap is not a long one");
        assertEquals(1, f.misses());
        assertEquals(0.75, f.recall(), 1e-9);
        assertEquals(1 - 2 / 4.0, f.mota(), 1e-9);
        assertEquals(100.0, f.idSwitchesPer100Tracks(), 1e-9);
        assertEquals(1, acc.switchesOf("v1"));
    }

    @Test
    void aGapOfAtLeastTheLongGapIsALongFragmentation() {
        MotAccumulator acc = new MotAccumulator(0.5, 2);
        acc.frame(List.of(truth("v1", 0, A)), List.of(new MotAccumulator.Hypothesis(1, A)));
        acc.frame(List.of(truth("v1", 0, A)), List.of());
        acc.frame(List.of(truth("v1", 0, A)), List.of());
        acc.frame(List.of(truth("v1", 0, A)), List.of(new MotAccumulator.Hypothesis(1, A)));

        assertEquals(1, acc.figures().fragmentations());
        assertEquals(1, acc.figures().longFragmentations());
        assertEquals(0, acc.figures().idSwitches());
    }

    @Test
    void anExistingMatchIsKeptOverABetterOverlappingNewcomer() {
        MotAccumulator acc = new MotAccumulator(0.5, 2);
        acc.frame(List.of(truth("v1", 0, A)), List.of(new MotAccumulator.Hypothesis(1, A)));
        acc.frame(List.of(truth("v1", 0, A)), List.of(new MotAccumulator.Hypothesis(1, shift(A, 20)),
                new MotAccumulator.Hypothesis(2, A)));

        MotAccumulator.Figures f = acc.figures();
        assertEquals(0, f.idSwitches());
        assertEquals(1, f.falsePositives());
    }

    @Test
    void dontCareTruthIsNeitherMissedNorAFalsePositiveAndSwappedBoxesSwitchBoth() {
        MotAccumulator acc = new MotAccumulator(0.5, 2);
        acc.frame(List.of(new MotAccumulator.Truth("far", A, false)), List.of(new MotAccumulator.Hypothesis(1, A)));
        acc.frame(List.of(new MotAccumulator.Truth("far", A, false)), List.of());
        assertEquals(0, acc.figures().truth());
        assertEquals(0, acc.figures().falsePositives());

        MotAccumulator swap = new MotAccumulator(0.5, 2);
        swap.frame(List.of(truth("a", 0, A), truth("b", 0, B)),
                List.of(new MotAccumulator.Hypothesis(1, A), new MotAccumulator.Hypothesis(2, B)));
        swap.frame(List.of(truth("a", 0, A), truth("b", 0, B)),
                List.of(new MotAccumulator.Hypothesis(2, A), new MotAccumulator.Hypothesis(1, B)));
        assertEquals(2, swap.figures().idSwitches());
        assertEquals(2, swap.figures().objectsWithSwitch());
    }

    private static MotAccumulator.Truth truth(String id, double dx, BoundingBox b) {
        return new MotAccumulator.Truth(id, shift(b, dx), true);
    }

    private static BoundingBox shift(BoundingBox b, double dx) {
        return new BoundingBox(b.x1() + dx, b.y1(), b.x2() + dx, b.y2());
    }
}
