package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.config.Travel;

class WrongWayRuleTest {
    static final WrongWaySettings SETTINGS = new WrongWaySettings(IllegalTurnRuleTest.LANES, 8.0);
    static final WrongWayRule RULE = new WrongWayRule(SETTINGS);
    /** The first observation a decision uses: the third (the first two lack a full median window). */
    static final double FIRST_USED = 2 / 15.0;

    static RuleOutcome decide(List<TrajectorySample> traj) {
        return RULE.decide(new WrongWayInput(5, traj, SETTINGS));
    }

    @Test
    void vehicleDrivingDownAnApproachLaneIsWrongWayOnceItHasCoveredTheDistance() {
        // enters L2 at y = -5 (t = 0) going -y at 36 km/h: 8 m against travel at t = 0.8 s
        List<TrajectorySample> traj = Paths.of(t -> 1.75, t -> -5 - 10 * t).jitter(0.1, 1).observe(0, 4);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(traj));
        WrongWayMeasurement m = (WrongWayMeasurement) v.measurement();
        assertEquals("WRONG_WAY", v.rule());
        assertEquals("L2", v.lane());
        assertEquals(Travel.APPROACH, m.travel());
        assertEquals(FIRST_USED + 0.8, Paths.secondsOf(v.eventTime()), 0.1);
        assertEquals(36, m.speedKmhAgainst(), 3);
        assertEquals(-13 - 10 * FIRST_USED, m.eventY(), 0.5);
        assertEquals(List.of("wrong-way-start", "wrong-way-midway", "wrong-way-distance-reached"),
                v.frames().stream().map(FrameRef::role).toList());
    }

    @Test
    void lawfulTrafficInTheOppositeLaneIsNotWrongWay() {
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(Paths.of(t -> -5.25, t -> -2 - 12 * t).jitter(0.1, 2).observe(0, 5)));
    }

    @Test
    void lawfulVehicleHuggingTheLineOfAnApproachLaneIsNotInIt() {
        // travels -y in O1, 0.1 m from L1's edge
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(Paths.of(t -> -3.6, t -> -2 - 12 * t).jitter(0.1, 3).observe(0, 5)));
    }

    @Test
    void standingVehicleWithAJitteringBoxDoesNotTravel() {
        WrongWaySettings shortDistance = new WrongWaySettings(IllegalTurnRuleTest.LANES, 2.0);
        List<TrajectorySample> traj = Paths.of(t -> 1.75, t -> -40).jitter(0.3, 4).outliers(0.05).observe(0, 120);
        assertInstanceOf(RuleOutcome.NoViolation.class, RULE.decide(new WrongWayInput(5, traj, shortDistance)));
    }

    @Test
    void rollingBackAMetreInAQueueIsNotWrongWay() {
        List<TrajectorySample> traj = Paths.of(t -> 1.75, Paths.knots(0, -40, 5, -10, 10, -10, 12, -11, 20, -11)).jitter(0.15, 5).observe(0, 20);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(traj));
    }

    @Test
    void uTurnInTheJunctionIntoTheOppositeLaneIsNotWrongWay() {
        Paths uTurn = IllegalTurnRuleTest.path(-1.75, 4.6, -1.75, 5.5, 5.6, -3.75, 7.0, 6.6, -5.25, 5.5, 7.6, -5.25, 0, 9.6, -5.25, -14);
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(uTurn.jitter(0.1, 6).observe(0, 9.6)));
    }

    @Test
    void trackJumpingBackToAVehicleQueuedBehindIsNotTravel() {
        List<TrajectorySample> traj = new ArrayList<>(Paths.of(t -> 1.75, t -> -20).jitter(0.1, 7).observe(0, 5));
        traj.addAll(Paths.of(t -> 1.75, t -> -32).jitter(0.1, 8).observe(5.05, 10));
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(traj));
    }

    @Test
    void wrongWayDriverSeenAcrossAShortOcclusionIsStillCaught() {
        List<TrajectorySample> traj = Paths.of(t -> 1.75, t -> -5 - 10 * t).jitter(0.1, 9).gap(0.5, 1.0).observe(0, 4);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(traj));
        assertEquals(FIRST_USED + 0.8, Paths.secondsOf(v.eventTime()), 0.15);
    }

    @Test
    void wrongWayDriverComingOutOfTheJunctionIsCountedFromWhereItIsFirstSeen() {
        // first seen at y = 22 beyond the exit line, heading down L2 at 36 km/h
        List<TrajectorySample> traj = Paths.of(t -> 1.75, t -> 22 - 10 * t).jitter(0.1, 10).observe(0, 3);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(traj));
        assertEquals(FIRST_USED + 0.8, Paths.secondsOf(v.eventTime()), 0.1);
        assertEquals(22 - 10 * FIRST_USED, ((WrongWayMeasurement) v.measurement()).startY(), 0.5);
    }

    @Test
    void stoppingHalfwayRestartsTheDistance() {
        // 5 m against L2, three seconds at rest, 5 m more: never 8 m in one go
        Paths p = Paths.of(t -> 1.75, Paths.knots(0, -5, 1, -10, 4, -10, 5, -15, 9, -15));
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(p.jitter(0.1, 11).observe(0, 9)));
    }
}
