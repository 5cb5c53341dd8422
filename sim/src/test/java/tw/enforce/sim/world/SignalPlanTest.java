package tw.enforce.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tw.enforce.runtime.signal.SignalPhase.AMBER;
import static tw.enforce.runtime.signal.SignalPhase.GREEN;
import static tw.enforce.runtime.signal.SignalPhase.RED;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.sim.scenario.SignalSpec;

class SignalPlanTest {
    private final SignalPlan plan = new SignalPlan(TestScenarios.signal());

    @Test
    void phasesFollowGreenAmberRedFromTheStartOffset() {
        assertEquals(GREEN, plan.phaseAt(0));
        assertEquals(GREEN, plan.phaseAt(7.999));
        assertEquals(AMBER, plan.phaseAt(8.0));
        assertEquals(AMBER, plan.phaseAt(10.999));
        assertEquals(RED, plan.phaseAt(11.0));
        assertEquals(RED, plan.phaseAt(27.999));
        assertEquals(GREEN, plan.phaseAt(28.0));
        assertEquals(AMBER, plan.phaseAt(40.0));
        assertEquals(32.0, plan.cycleSeconds());
    }

    @Test
    void edgesListEveryLampChangeOffBeforeOn() {
        List<LampEdge> edges = plan.edges(0, 40);
        assertEquals(List.of(
                new LampEdge(8, GREEN, false), new LampEdge(8, AMBER, true),
                new LampEdge(11, AMBER, false), new LampEdge(11, RED, true),
                new LampEdge(28, RED, false), new LampEdge(28, GREEN, true),
                new LampEdge(40, GREEN, false), new LampEdge(40, AMBER, true)), edges);
    }

    @Test
    void edgesIntervalIsOpenAtStartClosedAtEnd() {
        assertEquals(List.of(new LampEdge(11, AMBER, false), new LampEdge(11, RED, true)), plan.edges(8, 11));
        assertEquals(List.of(), plan.edges(11, 27.9));
    }

    @Test
    void phaseStartGivesRedOnsetEvenWhenRedWasLitBeforeTimeZero() {
        assertEquals(11.0, plan.phaseStart(12.7), 1e-12);
        SignalPlan startsInAllRed = new SignalPlan(new SignalSpec(12, 3, 2, 15, SignalSpec.Interval.ALL_RED, 1.0, null));
        assertEquals(RED, startsInAllRed.phaseAt(0));
        assertEquals(-1.0, startsInAllRed.phaseStart(5), 1e-12);
        assertEquals(GREEN, startsInAllRed.phaseAt(16.0));
        assertEquals(RED, startsInAllRed.phaseAt(15.999));
        assertEquals(16.0, startsInAllRed.nextGreenAtOrAfter(3), 1e-12);
    }

    @Test
    void phaseAtAgreesWithEdgesForFractionalPlans() {
        double[][] plans = {{12.3, 3.1, 1.7, 14.9, 0.37}, {7.05, 2.95, 0, 0.4, 6.9}, {30, 4, 2.5, 41.2, 0}};
        for (double[] p : plans) {
            for (SignalSpec.Interval start : SignalSpec.Interval.values()) {
                if (start == SignalSpec.Interval.ALL_RED && p[2] == 0) {
                    continue;
                }
                SignalSpec spec = new SignalSpec(p[0], p[1], p[2], p[3], start, null, null);
                double offset = Math.min(p[4], spec.durationOf(start) * 0.5);
                SignalPlan plan = new SignalPlan(new SignalSpec(p[0], p[1], p[2], p[3], start, offset, null));
                var lit = plan.phaseAt(0);
                for (LampEdge e : plan.edges(0, 200)) {
                    if (e.on()) {
                        assertEquals(e.lamp(), plan.phaseAt(e.atSeconds() + 1e-6), spec + " at " + e.atSeconds());
                        assertEquals(lit, plan.phaseAt(e.atSeconds() - 1e-6), spec + " before " + e.atSeconds());
                        assertEquals(e.atSeconds(), plan.phaseStart(e.atSeconds() + 0.001), 1e-9);
                        lit = e.lamp();
                    } else {
                        assertEquals(lit, e.lamp(), "the lamp going off is the one that was lit");
                    }
                }
            }
        }
    }
}
