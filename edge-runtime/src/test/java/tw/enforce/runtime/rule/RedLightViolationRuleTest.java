package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedLightViolationRuleTest {
    static final Instant T0 = RedLightRuleTest.T0;
    /** Stop line 0, exit 20, junction x −10.5..10.5, L1 (−3.5..0) straight only, L2 (0..3.5) may turn right on red. */
    static final RedLightSettings SITE = new RedLightSettings(0, 20, 0.3, -10.5, 10.5, List.of(
            new RedLightSettings.Lane("L1", -3.5, 0, 0, List.of()),
            new RedLightSettings.Lane("L2", 0, 3.5, 0, List.of("RIGHT"))), 2.0);
    final RedLightViolationRule rule = new RedLightViolationRule(SITE);

    /** Front at (x, y0) at t=0 driving +y at v km/h; after the stop line turns by dx per metre if turn ≠ 0. */
    static List<TrajectorySample> path(double x, double y0, double kmh, double t0, double t1, double turn) {
        List<TrajectorySample> out = new ArrayList<>();
        long frame = 0;
        for (double t = t0; t <= t1; t += 1 / 15.0) {
            double y = y0 + kmh / 3.6 * t;
            double px = y > 2 ? x + turn * (y - 2) : x;
            double py = y > 2 && turn != 0 ? 2 + (y - 2) * 0.3 : y;
            out.add(new TrajectorySample(frame++, T0.plusNanos(Math.round(t * 1e9)), 640, 400, px, py, false));
        }
        return out;
    }

    private RuleOutcome decide(List<TrajectorySample> traj) {
        return rule.decide(rule.inputFor(new TrackView(1, "CAR", 1, null, traj),
                new SceneContext(RedLightRuleTest.PLAN, List.of(), List.of())).orElseThrow());
    }

    @Test
    void straightRunRecordsLaneAmberAllRedAndEventTimeAtTheLine() {
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(path(-1.5, -210, 54, 12, 16, 0)));
        RedLightMeasurement m = (RedLightMeasurement) v.measurement();
        assertEquals("L1", v.lane());
        assertEquals(m.stopLineCrossing(), v.eventTime());
        assertEquals(1.0, m.timeIntoRedSeconds(), 0.002);
        assertEquals(3.0, m.amberSeconds(), 1e-9, "amber lit 10–13 s");
        assertEquals(2.0, m.allRedSeconds());
        assertEquals("STRAIGHT", m.movement());
        assertEquals(List.of("before-stop-line-red-lit", "inside-junction"), v.frames().stream().map(FrameRef::role).toList());
    }

    @Test
    void rightTurnOnRedIsExemptWhereTheLaneAllowsIt() {
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class, decide(path(1.5, -210, 54, 12, 17, 1.0)));
        assertTrue(n.reason().contains("RIGHT") && n.reason().contains("permitted in lane L2"), n.reason());
    }

    @Test
    void rightTurnOnRedFromALaneWithoutTheExemptionIsAViolation() {
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(path(-1.5, -210, 54, 12, 17, 1.5)));
        assertEquals("RIGHT", ((RedLightMeasurement) v.measurement()).movement());
        assertEquals("L1", v.lane());
    }

    @Test
    void vehicleStillInsideTheJunctionIsNotDecidedYet() {
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class, decide(path(-1.5, -210, 54, 12, 14.5, 0)));
        assertEquals("not seen leaving the junction", n.reason());
    }

    @Test
    void noInputWithoutALampHistory() {
        assertTrue(rule.inputFor(new TrackView(1, "CAR", 1, null, path(-1.5, -210, 54, 12, 16, 0)),
                new SceneContext(List.of(), List.of(), List.of())).isEmpty());
    }

    @Test
    void uTurnOnRedIsSeenLeavingBackBehindTheStopLine() {
        List<TrajectorySample> traj = new ArrayList<>();
        long frame = 0;
        // 15 m/s to y = 6 (crossing 0 at 14.0 s, 1 s into red), then back at 5 m/s to y = −6
        for (double t = 12; t <= 17.6; t += 1 / 15.0) {
            double y = t <= 14.4 ? -210 + 15 * t : 6 - 5 * (t - 14.4);
            double x = t <= 14.4 ? -1.5 : -1.5 - 3 * Math.min(1, (t - 14.4));
            traj.add(new TrajectorySample(frame++, T0.plusNanos(Math.round(t * 1e9)), 640, 400, x, y, false));
        }
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(traj));
        assertEquals("U_TURN", ((RedLightMeasurement) v.measurement()).movement());
    }

    @Test
    void laneWithItsOwnStopLineIsJudgedAtThatLine() {
        RedLightViolationRule staggered = new RedLightViolationRule(new RedLightSettings(0, 20, 0.3, -10.5, 10.5,
                List.of(new RedLightSettings.Lane("L1", -3.5, 0, -2.0, List.of())), Double.NaN));
        List<TrajectorySample> traj = path(-1.5, -210, 54, 12, 16, 0);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, staggered.decide(staggered.inputFor(
                new TrackView(1, "CAR", 1, null, traj), new SceneContext(RedLightRuleTest.PLAN, List.of(), List.of())).orElseThrow()));
        // y = −2 is reached 2/15 s before y = 0
        assertEquals(1.0 - 2.0 / 15, ((RedLightMeasurement) v.measurement()).timeIntoRedSeconds(), 0.002);
        assertTrue(Double.isNaN(((RedLightMeasurement) v.measurement()).allRedSeconds()));
    }
}
