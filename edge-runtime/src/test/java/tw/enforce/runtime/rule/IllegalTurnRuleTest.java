package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.config.Movement;
import tw.enforce.runtime.config.Travel;

class IllegalTurnRuleTest {
    static final List<LaneSpec> LANES = List.of(
            new LaneSpec("O1", -7, -3.5, Travel.OPPOSITE, 0, null, null),
            new LaneSpec("L1", -3.5, 0, Travel.APPROACH, 0, List.of(Movement.STRAIGHT, Movement.LEFT, Movement.U_TURN), null),
            new LaneSpec("L2", 0, 3.5, Travel.APPROACH, 0, List.of(Movement.STRAIGHT), null));
    static final TurnSettings SETTINGS = new TurnSettings(LANES, 20, -10.5, 10.5);
    static final IllegalTurnRule RULE = new IllegalTurnRule(SETTINGS);

    static RuleOutcome decide(List<TrajectorySample> traj) {
        return RULE.decide(new TurnInput(4, traj, SETTINGS));
    }

    /** 30 km/h up the lane at x0 from y = -30 (front at the stop line at t = 3.6 s), then through the given (t, x, y) points. */
    static Paths path(double x0, double... txy) {
        double[] tx = new double[4 + txy.length / 3 * 2];
        double[] ty = new double[tx.length];
        tx[0] = 0; tx[1] = x0; tx[2] = 3.6; tx[3] = x0;
        ty[0] = 0; ty[1] = -30; ty[2] = 3.6; ty[3] = 0;
        for (int i = 0; i < txy.length / 3; i++) {
            tx[4 + 2 * i] = txy[3 * i];
            tx[5 + 2 * i] = txy[3 * i + 1];
            ty[4 + 2 * i] = txy[3 * i];
            ty[5 + 2 * i] = txy[3 * i + 2];
        }
        return Paths.of(Paths.knots(tx), Paths.knots(ty));
    }

    static final double[] RIGHT_TURN = {4.6, 2.5, 4.5, 5.6, 6, 7.5, 6.6, 11, 8.5, 7.6, 16, 9};
    static final double[] LEFT_TURN = {4.6, -2.5, 6.0, 5.6, -6, 10.5, 6.6, -11, 12.5, 7.6, -16, 13};
    static final double[] STRAIGHT = {6.6, 1.75, 25};

    @Test
    void rightTurnFromAStraightOnlyLaneIsIllegalFromTheStopLineCrossing() {
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class,
                decide(path(1.75, RIGHT_TURN).jitter(0.1, 1).observe(0, 7.6)));
        TurnMeasurement m = (TurnMeasurement) v.measurement();
        assertEquals("ILLEGAL_TURN", v.rule());
        assertEquals(Movement.RIGHT, m.movement());
        assertEquals("L2", m.lane());
        assertEquals(List.of(Movement.STRAIGHT), m.allowed());
        assertEquals(3.6, Paths.secondsOf(v.eventTime()), 0.1);
        assertEquals(1.75, m.xAtStopLine(), 0.2);
        assertTrue(m.movementSeenAt().isAfter(v.eventTime()));
        assertEquals(List.of("before-stop-line", "in-junction", "leaving-right"), v.frames().stream().map(FrameRef::role).toList());
    }

    @Test
    void permittedLeftTurnIsNotAViolation() {
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class,
                decide(path(-1.75, LEFT_TURN).jitter(0.1, 2).observe(0, 7.6)));
        assertEquals("LEFT is allowed from lane L1", n.reason());
    }

    @Test
    void goingStraightOnWithJitterAndWildBoxesIsNotAViolation() {
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(path(1.75, STRAIGHT).jitter(0.15, 3).outliers(0.05).observe(0, 6.6)));
    }

    @Test
    void uTurnFromALaneThatForbidsItIsIllegal() {
        double[] uTurn = {4.6, 1.75, 5.5, 5.6, -1.75, 8.5, 6.6, -5.25, 5.5, 7.6, -5.25, 0, 9.6, -5.25, -14};
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(path(1.75, uTurn).jitter(0.1, 4).observe(0, 9.6)));
        assertEquals(Movement.U_TURN, ((TurnMeasurement) v.measurement()).movement());
        assertEquals("L2", v.lane());
    }

    @Test
    void uTurnFromALaneThatAllowsItIsNotAViolation() {
        double[] uTurn = {4.6, -1.75, 5.5, 5.6, -3.75, 7.0, 6.6, -5.25, 5.5, 7.6, -5.25, 0, 9.6, -5.25, -14};
        assertInstanceOf(RuleOutcome.NoViolation.class, decide(path(-1.75, uTurn).jitter(0.1, 5).observe(0, 9.6)));
    }

    @Test
    void vehicleCrossingTheLineOnALaneBoundaryIsJudgedByTheMorePermissiveLane() {
        // at x = 0.15 it may be in L2 (straight only) or L1 (left allowed): a left turn is not a ticket
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class,
                decide(path(0.15, LEFT_TURN).jitter(0.05, 6).observe(0, 7.6)));
        assertEquals("LEFT is allowed from lane L1", n.reason());
    }

    @Test
    void vehicleWaitingInTheJunctionHasNoMovementYet() {
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class,
                decide(path(1.75, 5.0, 3.0, 6.0, 30.0, 3.0, 6.0).jitter(0.1, 7).observe(0, 30)));
        assertEquals("movement through the junction not seen (yet)", n.reason());
    }

    @Test
    void queuedVehicleIdlingOnTheStopLineThenTurningIsTimedFromWhenItLeft() {
        // stands with its front 0.4 m short of the line from 3.6 s to 20 s, jittering across it, then turns right
        double[] wait = {3.7, 1.75, -0.4, 20, 1.75, -0.4, 21, 2.5, 4.5, 22, 6, 7.5, 23, 11, 8.5, 24, 16, 9};
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide(path(1.75, wait).jitter(0.15, 8).observe(0, 24)));
        assertEquals(20 + 0.4 / 4.9, Paths.secondsOf(v.eventTime()), 0.15);
    }

    @Test
    void trackThatJumpsToAnotherVehicleInTheJunctionIsNotFollowed() {
        List<TrajectorySample> straight = path(1.75, STRAIGHT).observe(0, 4.4);
        List<TrajectorySample> other = new ArrayList<>(straight);
        for (TrajectorySample s : path(1.75, RIGHT_TURN).observe(4.5, 7.6)) {
            other.add(new TrajectorySample(s.frame(), s.at(), s.u(), s.v(), s.x() + 9, s.y() - 1, false));
        }
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class, decide(other));
        assertTrue(n.reason().contains("jumps"), n.reason());
    }
}
