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
}
