package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.config.Travel;
import tw.enforce.runtime.geometry.WorldPoint;

class LineCrossingRuleTest {
    static final List<LaneSpec> LANES = List.of(
            new LaneSpec("L1", -3.5, 0, Travel.APPROACH, 0, null, null),
            new LaneSpec("L2", 0, 3.5, Travel.APPROACH, 0, null, null));
    static final PaintedLine D1 = new PaintedLine("D1", "yellow", new WorldPoint(0, -40), new WorldPoint(0, 0));
    static final LineCrossingRule RULE = new LineCrossingRule(new LineCrossingSettings(List.of(D1), LANES));

    static RuleOutcome decide(List<TrajectorySample> traj) {
        return RULE.decide(new LineCrossingInput(3, traj, RULE_SETTINGS()));
    }

    static LineCrossingSettings RULE_SETTINGS() {
        return new LineCrossingSettings(List.of(D1), LANES);
    }

    /** 36 km/h along +y from y = -60; moves from x0 to x1 between t = 2 and t = 4 s. */
    static Paths laneChange(double x0, double x1) {
        return Paths.of(Paths.knots(2, x0, 4, x1), t -> -60 + 10 * t);
    }

    @Test
    void laneChangeAcrossTheDoubleLineIsReportedWhenTheGroundPointCrossesIt() {
        List<TrajectorySample> traj = laneChange(1.75, -1.75).jitter(0.1, 7).observe(0, 6);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(traj));
        LineCrossingMeasurement m = (LineCrossingMeasurement) v.measurement();
        assertEquals("LINE_CROSSING", v.rule());
        assertEquals(3.0, Paths.secondsOf(v.eventTime()), 0.1, "x = 0 is crossed at t = 3 s");
        assertEquals("RIGHT_TO_LEFT", m.direction());
        assertEquals("L2", m.laneBefore());
        assertEquals("L1", m.laneAfter());
        assertEquals(-30, m.crossingY(), 1.5);
        assertEquals(v.eventTime(), m.eventTime());
        assertEquals(3, v.frames().size());
        assertTrue(v.frames().get(0).frameSequence() < v.frames().get(2).frameSequence(), "frames show the progression");
        assertTrue(Double.isNaN(v.speedKmh()));
    }

    @Test
    void crossingDuringAShortOcclusionIsStillPlacedBetweenTheObservationsAroundIt() {
        List<TrajectorySample> traj = laneChange(-1.75, 1.75).jitter(0.1, 8).gap(2.7, 3.3).observe(0, 6);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(traj));
        assertEquals(3.0, Paths.secondsOf(v.eventTime()), 0.35);
        assertEquals("LEFT_TO_RIGHT", ((LineCrossingMeasurement) v.measurement()).direction());
    }

    @Test
    void vehicleDrivingOnTheLineWithAJitteringBoxDoesNotCrossIt() {
        List<TrajectorySample> traj = Paths.straight(0.1, -60, 30).jitter(0.1, 9).outliers(0.05).observe(0, 7);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(traj));
    }

    @Test
    void vehicleStandingOnTheLineForAMinuteDoesNotCrossIt() {
        List<TrajectorySample> traj = Paths.of(t -> 0.0, t -> -20.0).jitter(0.1, 10).observe(0, 60);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(traj));
    }

    @Test
    void swervingTowardsTheLineAndBackIsNotACrossing() {
        Paths swerve = Paths.of(Paths.knots(2, 1.75, 3, 0.2, 4, 1.75), t -> -60 + 10 * t);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(swerve.jitter(0.08, 11).observe(0, 6)));
    }

    @Test
    void changingLanesBeyondTheEndOfTheLineIsNotACrossing() {
        // the line ends at y = 0; this change happens at y = 5..15
        Paths p = Paths.of(Paths.knots(6.5, 1.75, 7.5, -1.75), t -> -60 + 10 * t);
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class, decide(p.jitter(0.1, 12).observe(0, 9)));
        assertTrue(n.reason().contains("within its extent"), n.reason());
    }

    @Test
    void wildBoxesOnTheOtherSideOfTheLineDoNotMakeACrossing() {
        // a vehicle 0.9 m from the line whose box twice jumps 1.5 m sideways for two frames
        List<TrajectorySample> traj = Paths.straight(0.9, -60, 36).observe(0, 5);
        List<TrajectorySample> noisy = new java.util.ArrayList<>(traj);
        for (int k : new int[] {20, 21, 50, 51}) {
            TrajectorySample s = noisy.get(k);
            noisy.set(k, new TrajectorySample(s.frame(), s.at(), s.u(), s.v(), -0.6, s.y(), false));
        }
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(noisy));
    }

    @Test
    void truncatedObservationsAreNotUsed() {
        List<TrajectorySample> traj = new java.util.ArrayList<>();
        for (TrajectorySample s : laneChange(1.75, -1.75).observe(0, 6)) {
            traj.add(new TrajectorySample(s.frame(), s.at(), s.u(), s.v(), s.x(), s.y(), s.at().isAfter(Paths.at(2.5))));
        }
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(traj));
    }

    @Test
    void trackSwappingToTheVehicleInTheNextLaneIsNotACrossing() {
        List<TrajectorySample> traj = new java.util.ArrayList<>(Paths.straight(1.75, -60, 36).jitter(0.05, 13).observe(0, 3));
        traj.addAll(Paths.straight(-1.75, -60, 36).jitter(0.05, 14).observe(3.05, 6));
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(traj));
    }

    @Test
    void twoWildBoxesAtTheNewestEndOfALiveTrackDoNotMakeACrossing() {
        List<TrajectorySample> traj = new java.util.ArrayList<>(Paths.straight(0.9, -60, 36).observe(0, 3));
        for (int k = traj.size() - 2; k < traj.size(); k++) {
            TrajectorySample s = traj.get(k);
            traj.set(k, new TrajectorySample(s.frame(), s.at(), s.u(), s.v(), -0.8, s.y(), false));
        }
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(traj));
    }
}
