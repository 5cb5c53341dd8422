package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YieldRuleTest {
    static final CrosswalkArea CW1 = new CrosswalkArea("CW1", 3, 7, -7, 7);
    static final YieldSettings SETTINGS = new YieldSettings(List.of(CW1), 3.0, LineCrossingRuleTest.LANES);
    static final YieldRule RULE = new YieldRule(SETTINGS);

    /** A pedestrian walking along y = 5 from x0 at t = 0 at 1.3 m/s to the far kerb x = 7, then gone. */
    static PedestrianTrack walker(double x0, long seed) {
        double end = (7 - x0) / 1.3;
        return new PedestrianTrack(50, Paths.of(t -> x0 + 1.3 * t, t -> 5).jitter(0.1, seed).observe(0, end));
    }

    static RuleOutcome decide(List<TrajectorySample> vehicle, PedestrianTrack... peds) {
        return RULE.decide(new YieldInput(9, vehicle, List.of(peds), SETTINGS));
    }

    @Test
    void vehicleEnteringTheCrosswalkInFrontOfAPedestrianFailsToYieldAtTheNearEdge() {
        // 30 km/h in L2 (x = 1.75): front at y = 3 at t = 5.16 s; the pedestrian is at x ≈ 1.7 then
        List<TrajectorySample> car = Paths.straight(1.75, -40, 30).jitter(0.1, 1).observe(0, 8);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(car, walker(-5.0, 2)));
        YieldMeasurement m = (YieldMeasurement) v.measurement();
        assertEquals("YIELD", v.rule());
        assertEquals(43 / (30 / 3.6), Paths.secondsOf(v.eventTime()), 0.1);
        assertEquals("CW1", m.crosswalkId());
        assertEquals(50, m.pedestrianTrackId());
        assertTrue(m.minLateralDistanceM() < 1.0, "closest " + m.minLateralDistanceM());
        assertTrue(m.conflictObservations() >= 2);
        assertEquals("L2", v.lane());
        List<String> roles = v.frames().stream().map(FrameRef::role).toList();
        assertEquals(List.of("before-crosswalk-CW1", "pedestrian-on-crosswalk-CW1", "in-crosswalk-with-pedestrian-CW1"), roles);
    }

    @Test
    void pedestrianOnTheFarHalfOfTheCrosswalkIsNotAConflict() {
        List<TrajectorySample> car = Paths.straight(-1.75, -40, 30).jitter(0.1, 3).observe(0, 8);
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class, decide(car, walker(-5.0 + 7.0, 4)));
        assertEquals("no pedestrian in conflict on CW1", n.reason());
    }

    @Test
    void pedestrianJustBeyondTheConflictDistanceIsNotAConflict() {
        PedestrianTrack standing = new PedestrianTrack(51, Paths.of(t -> 1.75 - 3.35, t -> 5).jitter(0.1, 5).observe(0, 10));
        List<TrajectorySample> car = Paths.straight(1.75, -40, 30).jitter(0.1, 6).observe(0, 8);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(car, standing));
    }

    @Test
    void vehicleThatWaitsUntilThePedestrianHasPassedItsLaneYields() {
        // stands 0.4 m before the crosswalk until 9.3 s; the pedestrian is then 3.4 m to its right
        Paths waits = Paths.of(t -> 1.75, Paths.knots(0, -40, 4.5, 2.6, 9.3, 2.6, 13.3, 30)).jitter(0.15, 7);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(waits.observe(0, 14), walker(-7, 8)));
    }

    @Test
    void pedestrianWaitingAtTheKerbBesideTheCrosswalkIsNotOnIt() {
        PedestrianTrack waiting = new PedestrianTrack(52, Paths.of(t -> 3.0, t -> 2.6).jitter(0.1, 9).observe(0, 10));
        List<TrajectorySample> car = Paths.straight(1.75, -40, 30).jitter(0.1, 10).observe(0, 8);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(car, waiting));
    }

    @Test
    void pedestrianBrieflyHiddenWhileTheVehiclePassesIsStillSeenInConflict() {
        PedestrianTrack hidden = new PedestrianTrack(53, Paths.of(t -> -5.0 + 1.3 * t, t -> 5).jitter(0.1, 11)
                .gap(4.9, 5.6).observe(0, 9));
        List<TrajectorySample> car = Paths.straight(1.75, -40, 30).jitter(0.1, 12).observe(0, 8);
        assertInstanceOf(RuleOutcome.Violation.class, decide(car, hidden));
    }

    @Test
    void pedestrianSeenOnlyBeforeAndAfterALongOcclusionIsNotInterpolatedIntoAConflict() {
        PedestrianTrack hidden = new PedestrianTrack(54, Paths.of(t -> -5.0 + 1.3 * t, t -> 5).jitter(0.1, 13)
                .gap(4.0, 6.5).observe(0, 9));
        List<TrajectorySample> car = Paths.straight(1.75, -40, 30).jitter(0.1, 14).observe(0, 8);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(car, hidden));
    }

    @Test
    void trackWithoutPedestriansNearACrosswalkGetsNoInput() {
        TrackView car = new TrackView(9, "CAR", 1.0, Map.of("CAR", 10), Paths.straight(1.75, -40, 30).observe(0, 8));
        PedestrianTrack farAway = new PedestrianTrack(55, Paths.of(t -> 12, t -> -20).observe(0, 8));
        assertTrue(RULE.inputFor(car, new SceneContext(List.of(), List.of(farAway), List.of())).isEmpty());
        PedestrianTrack onIt = walker(-5, 15);
        assertEquals(List.of(onIt), RULE.inputFor(car, new SceneContext(List.of(), List.of(farAway, onIt), List.of()))
                .orElseThrow().pedestrians());
    }

    @Test
    void aPersonSeenInOnlyAFewFramesIsNotAPedestrianInConflict() {
        List<TrajectorySample> car = Paths.straight(1.75, -40, 30).observe(0, 8);
        PedestrianTrack flicker = new PedestrianTrack(56, Paths.of(t -> 1.75, t -> 5).observe(5.2, 5.45));
        assertTrue(flicker.trajectory().size() < YieldRule.MIN_PEDESTRIAN_OBSERVATIONS);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(car, flicker));
    }
}
