package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.config.ZoneKind;
import tw.enforce.runtime.geometry.WorldPoint;

class NoStoppingRuleTest {
    static final StoppingZone Z1 = new StoppingZone("Z1", ZoneKind.RED_ZONE, 60, List.of(
            new WorldPoint(3.5, -30), new WorldPoint(6.0, -30), new WorldPoint(6.0, -10), new WorldPoint(3.5, -10)));
    static final NoStoppingSettings SETTINGS = new NoStoppingSettings(List.of(Z1), 3.0, LineCrossingRuleTest.LANES);
    static final NoStoppingRule RULE = new NoStoppingRule(SETTINGS);

    static RuleOutcome decide(List<TrajectorySample> traj) {
        return RULE.decide(new NoStoppingInput(7, traj, SETTINGS));
    }

    /**
     * Drives in at 20 km/h along x and brakes at 2.5 m/s² to a stand at (x, -20) at t = 8 s (speed
     * below 3 km/h from 7.667 s); then follows the given (t, y) knots.
     */
    static Paths parks(double x, double... ty) {
        double v = 20 / 3.6;
        double brake = v / 2.5;
        double[] k = new double[2 + ty.length];
        k[0] = 8;
        k[1] = -20;
        System.arraycopy(ty, 0, k, 2, ty.length);
        var after = Paths.knots(k);
        return Paths.of(t -> x, t -> {
            if (t >= 8) {
                return after.applyAsDouble(t);
            }
            double tau = 8 - t;
            return tau <= brake ? -20 - 1.25 * tau * tau : -20 - 1.25 * brake * brake - v * (tau - brake);
        });
    }

    @Test
    void vehicleStandingInARedZoneBeyondTheLimitIsReportedFromWhenItStopped() {
        List<TrajectorySample> traj = parks(4.75, 80, -20, 85, 10).jitter(0.2, 1).outliers(0.02).observe(0, 85);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(traj));
        NoStoppingMeasurement m = (NoStoppingMeasurement) v.measurement();
        assertEquals("NO_STOPPING", v.rule());
        assertEquals(8.0 - 0.833 / 2.5, Paths.secondsOf(v.eventTime()), 0.4);
        assertEquals("Z1", m.zoneId());
        assertEquals(ZoneKind.RED_ZONE, m.kind());
        assertEquals(68, Paths.secondsOf(m.limitReachedAt()), 0.6);
        assertEquals(72, m.observedDwellSeconds(), 1.0);
        assertFalse(m.standingWhenFirstSeen());
        assertTrue(m.maxSpeedKmh() < 3.0);
        assertEquals(List.of("dwell-start-Z1", "dwell-middle-Z1", "dwell-limit-reached-Z1"),
                v.frames().stream().map(FrameRef::role).toList());
        // the unit pins frames of standing vehicles, so the rule asks for the stand's true start
        assertEquals(8.0 - 0.833 / 2.5, Paths.secondsOf(traj.stream().filter(s -> s.frame() == v.frames().get(0).frameSequence())
                .findFirst().orElseThrow().at()), 1.0);
    }

    @Test
    void shortDwellShowsItsStartInTheEvidence() {
        NoStoppingSettings fiveSeconds = new NoStoppingSettings(List.of(new StoppingZone("Z2", ZoneKind.BUS_STOP, 5,
                Z1.polygon())), 3.0, List.of());
        List<TrajectorySample> traj = parks(4.75, 20, -20).jitter(0.1, 9).observe(0, 20);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, RULE.decide(new NoStoppingInput(7, traj, fiveSeconds)));
        assertEquals("dwell-start-Z2", v.frames().get(0).role());
        assertEquals(13, Paths.secondsOf(((NoStoppingMeasurement) v.measurement()).limitReachedAt()), 0.5);
    }

    @Test
    void standingJustShortOfTheLimitIsNotAViolation() {
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(parks(4.75, 67, -20, 72, 10).jitter(0.2, 2).observe(0, 72)));
    }

    @Test
    void movingOffAndStoppingAgainRestartsTheDwell() {
        // stands 40 s, pulls forward 3 m, stands another 40 s: never 60 s without interruption
        Paths p = parks(4.75, 48, -20, 51, -17, 91, -17, 95, 10);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(p.jitter(0.2, 3).observe(0, 95)));
    }

    @Test
    void shortOcclusionByAPassingBusDoesNotInterruptTheStand() {
        List<TrajectorySample> traj = parks(4.75, 80, -20).jitter(0.2, 4).gap(30, 32.5).observe(0, 80);
        assertInstanceOf(RuleOutcome.Violation.class, decide(traj));
    }

    @Test
    void longOcclusionEndsWhatCanBeProven() {
        List<TrajectorySample> traj = parks(4.75, 80, -20).jitter(0.2, 5).gap(30, 40).observe(0, 80);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(traj));
    }

    @Test
    void vehicleParkedJustOutsideTheZoneIsNotInIt() {
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(parks(6.3, 90, -20).jitter(0.2, 6).observe(0, 90)));
    }

    @Test
    void crawlingThroughTheZoneInSlowTrafficIsNotStanding() {
        // 5 km/h for 25 s through the zone
        List<TrajectorySample> traj = Paths.of(t -> 4.75, t -> -35 + 5 / 3.6 * t).jitter(0.2, 7).observe(0, 25);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(traj));
    }

    @Test
    void vehicleAlreadyStandingWhenFirstSeenIsReportedFromTheFirstSighting() {
        List<TrajectorySample> traj = Paths.of(t -> 4.75, t -> -20).jitter(0.2, 8).observe(0, 65);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(traj));
        assertTrue(((NoStoppingMeasurement) v.measurement()).standingWhenFirstSeen());
        assertEquals(WrongWayRuleTest.FIRST_USED, Paths.secondsOf(v.eventTime()), 1e-6);
    }

    @Test
    void tracksThatNeverComeNearAZoneGetNoInput() {
        TrackView far = new TrackView(1, "CAR", 1, java.util.Map.of(), Paths.straight(-1.75, -60, 40).observe(0, 5));
        assertTrue(RULE.inputFor(far, new SceneContext(List.of(), List.of(), List.of())).isEmpty());
    }
}
