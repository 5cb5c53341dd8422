package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.config.Travel;
import tw.enforce.runtime.detect.ObjectClass;

class RestrictedClassRuleTest {
    static final List<LaneSpec> LANES = List.of(
            new LaneSpec("L1", -3.5, 0, Travel.APPROACH, 0, null, List.of(ObjectClass.MOTORCYCLE)),
            new LaneSpec("L2", 0, 3.5, Travel.APPROACH, 0, null, null));
    static final RestrictedClassSettings SETTINGS = new RestrictedClassSettings(LANES, null, 0.8);
    static final RestrictedClassRule RULE = new RestrictedClassRule(SETTINGS);
    static final Map<String, Integer> STABLE = Map.of("MOTORCYCLE", 38, "BICYCLE", 2);

    static RuleOutcome decide(String cls, double agreement, Map<String, Integer> votes, List<TrajectorySample> traj) {
        return RULE.decide(new RestrictedClassInput(6, cls, agreement, votes, traj, SETTINGS));
    }

    @Test
    void motorcycleInALaneThatBansItIsReportedAtTheCheckLine() {
        // 40 km/h from y = -30: front at the stop line at 2.7 s
        List<TrajectorySample> traj = Paths.straight(-1.75, -30, 40).jitter(0.1, 1).observe(0, 4.5);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide("MOTORCYCLE", 0.95, STABLE, traj));
        RestrictedClassMeasurement m = (RestrictedClassMeasurement) v.measurement();
        assertEquals("RESTRICTED_CLASS", v.rule());
        assertEquals(2.7, Paths.secondsOf(v.eventTime()), 0.1);
        assertEquals("L1", m.lane());
        assertEquals(ObjectClass.MOTORCYCLE, m.vehicleClass());
        assertEquals(40, m.classObservations());
        assertEquals(0.0, m.checkY());
        assertEquals(List.of("before-check-line", "past-check-line"), v.frames().stream().map(FrameRef::role).toList());
    }

    @Test
    void motorcycleInALaneThatAllowsItIsNotAViolation() {
        List<TrajectorySample> traj = Paths.straight(1.75, -30, 40).jitter(0.1, 2).observe(0, 4.5);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide("MOTORCYCLE", 0.95, STABLE, traj));
    }

    @Test
    void unstableClassIsNotEnough() {
        List<TrajectorySample> traj = Paths.straight(-1.75, -30, 40).observe(0, 4.5);
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class,
                decide("MOTORCYCLE", 0.7, Map.of("MOTORCYCLE", 28, "BICYCLE", 12), traj));
        assertTrue(n.reason().contains("below 0.80"), n.reason());
    }

    @Test
    void classSeenInTooFewDetectionsIsNotEnough() {
        List<TrajectorySample> traj = Paths.straight(-1.75, -30, 40).observe(0, 4.5);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide("MOTORCYCLE", 1.0, Map.of("MOTORCYCLE", 3), traj));
    }

    @Test
    void motorcycleOnTheBoundaryWithAnAllowingLaneIsNotTicketed() {
        List<TrajectorySample> traj = Paths.straight(-0.15, -30, 40).jitter(0.05, 3).observe(0, 4.5);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide("MOTORCYCLE", 0.95, STABLE, traj));
    }

    @Test
    void motorcycleIdlingOnTheLineIsTimedFromWhenItLeft() {
        // stands with its front 0.2 m short of the line from 3 s to 20 s, jittering across it
        Paths p = Paths.of(t -> -1.75, Paths.knots(0, -30, 3, -0.2, 20, -0.2, 22, 10)).jitter(0.2, 4);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide("MOTORCYCLE", 0.95, STABLE, p.observe(0, 22)));
        assertTrue(Paths.secondsOf(v.eventTime()) > 19.5, "timed at " + Paths.secondsOf(v.eventTime()));
    }

    @Test
    void onlyTracksOfABannedClassGetAnInput() {
        List<TrajectorySample> traj = Paths.straight(-1.75, -30, 40).observe(0, 4.5);
        SceneContext none = new SceneContext(List.of(), List.of(), List.of());
        assertTrue(RULE.inputFor(new TrackView(1, "CAR", 1.0, Map.of("CAR", 40), traj), none).isEmpty());
        assertTrue(RULE.inputFor(new TrackView(2, "MOTORCYCLE", 1.0, Map.of("MOTORCYCLE", 40), traj), none).isPresent());
    }

    @Test
    void checkLineOtherThanTheStopLineIsUsedWhenConfigured() {
        RestrictedClassSettings at10 = new RestrictedClassSettings(LANES, -10.0, 0.8);
        List<TrajectorySample> traj = Paths.straight(-1.75, -30, 40).observe(0, 4.5);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class,
                RULE.decide(new RestrictedClassInput(6, "MOTORCYCLE", 0.95, STABLE, traj, at10)));
        assertEquals(20 / (40 / 3.6), Paths.secondsOf(v.eventTime()), 0.05);
    }
}
