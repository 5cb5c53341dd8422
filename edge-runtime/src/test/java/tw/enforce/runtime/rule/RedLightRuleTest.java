package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.signal.PhaseInterval;
import tw.enforce.runtime.signal.SignalPhase;

class RedLightRuleTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    static final RedLightSettings SITE = new RedLightSettings(0, 20, 0.3);
    /** green 0–10 s, amber 10–13 s, red from 13 s */
    static final List<PhaseInterval> PLAN = List.of(
            new PhaseInterval(SignalPhase.GREEN, T0, T0.plusSeconds(10)),
            new PhaseInterval(SignalPhase.AMBER, T0.plusSeconds(10), T0.plusSeconds(13)),
            new PhaseInterval(SignalPhase.RED, T0.plusSeconds(13), null));

    /** A vehicle at constant speed whose front is at y0 at t=0, observed at 15 fps from t0 to t1. */
    static List<TrajectorySample> drive(double y0, double speedKmh, double t0, double t1, double fps) {
        List<TrajectorySample> out = new ArrayList<>();
        long frame = 0;
        for (double t = t0; t <= t1; t += 1 / fps) {
            double y = y0 + speedKmh / 3.6 * t;
            out.add(new TrajectorySample(frame++, T0.plusNanos(Math.round(t * 1e9)), 640, 400, 1.0, y, false));
        }
        return out;
    }

    @Test
    void redLightViolationRecordsTimeIntoRedFromTheLampEdge() {
        // 54 km/h = 15 m/s, front at y=-210 at t=0 → crosses y=0 at t=14.0 s, 1.0 s into red
        List<TrajectorySample> traj = drive(-210, 54, 12.0, 16.0, 15);
        RedLightDecision d = RedLightRule.decide(new RedLightInput(7, traj, PLAN, SITE));
        RedLightDecision.Violation v = assertInstanceOf(RedLightDecision.Violation.class, d);
        assertEquals(1.0, v.timeIntoRedSeconds(), 1.0 / 15);
        assertEquals(1.0, v.timeIntoRedSeconds(), 0.002, "interpolated, not frame-quantised");
        assertEquals(T0.plusSeconds(13), v.redOnset());
        assertEquals(SignalPhase.AMBER, v.phaseBeforeRed());
        assertEquals(54, v.speedKmh(), 0.5);
        assertTrue(v.exitLineCrossing().isAfter(v.stopLineCrossing()));
    }

    @Test
    void enteringOnAmberIsNotAViolation() {
        List<TrajectorySample> traj = drive(-180, 54, 10.0, 14.0, 15); // crosses at 12.0 s, amber
        RedLightDecision d = RedLightRule.decide(new RedLightInput(1, traj, PLAN, SITE));
        assertEquals("crossed on AMBER", assertInstanceOf(RedLightDecision.NoViolation.class, d).reason());
    }

    @Test
    void crossingWithinTheGraceIsNotAViolation() {
        List<TrajectorySample> traj = drive(-198, 54, 12.0, 15.0, 15); // crosses at 13.2 s
        RedLightDecision d = RedLightRule.decide(new RedLightInput(1, traj, PLAN, SITE));
        assertTrue(assertInstanceOf(RedLightDecision.NoViolation.class, d).reason().contains("within the 0.300 s grace"));
    }

    @Test
    void vehicleThatStopsBeforeTheExitLineIsNotAViolation() {
        List<TrajectorySample> traj = new ArrayList<>(drive(-210, 54, 13.0, 14.5, 15));
        traj.removeIf(s -> s.y() > 5); // stopped in the crosswalk, never reaches y=20
        RedLightDecision d = RedLightRule.decide(new RedLightInput(1, traj, PLAN, SITE));
        assertEquals("not seen past the exit line", assertInstanceOf(RedLightDecision.NoViolation.class, d).reason());
    }

    @Test
    void vehicleAlreadyPastTheLineBeforeRedIsNotJudgedOnItsLaterMove() {
        // stopped 0.5 m past the line from 11 s, leaves at 20 s: never observed crossing
        List<TrajectorySample> traj = new ArrayList<>();
        for (int k = 0; k < 150; k++) {
            double t = 11 + k / 15.0;
            double y = t < 20 ? 0.5 : 0.5 + 5 * (t - 20) * (t - 20);
            traj.add(new TrajectorySample(k, T0.plusNanos(Math.round(t * 1e9)), 0, 0, 0, y, false));
        }
        RedLightDecision d = RedLightRule.decide(new RedLightInput(1, traj, PLAN, SITE));
        assertEquals("not seen crossing the stop line", assertInstanceOf(RedLightDecision.NoViolation.class, d).reason());
    }

    @Test
    void aSingleWildGroundPointCannotFakeACrossingDuringRed() {
        // waits 1 m before the line through red; one jittered observation lands past the line
        List<TrajectorySample> traj = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            double t = 14 + k / 15.0;
            double y = k == 20 ? 0.4 : -1.0;
            traj.add(new TrajectorySample(k, T0.plusNanos(Math.round(t * 1e9)), 0, 0, 0, y, false));
        }
        traj.addAll(drive(-1.0 - 15 * 20, 54, 20, 22, 15).stream()
                .map(s -> new TrajectorySample(s.frame() + 100, s.at(), 0, 0, 0, s.y(), false)).toList());
        List<PhaseInterval> greenAgain = new ArrayList<>(PLAN.subList(0, 2));
        greenAgain.add(new PhaseInterval(SignalPhase.RED, T0.plusSeconds(13), T0.plusSeconds(19)));
        greenAgain.add(new PhaseInterval(SignalPhase.GREEN, T0.plusSeconds(19), null));
        RedLightDecision d = RedLightRule.decide(new RedLightInput(1, traj, greenAgain, SITE));
        assertEquals("crossed on GREEN", assertInstanceOf(RedLightDecision.NoViolation.class, d).reason());
    }

    @Test
    void redWithoutAnObservedOnsetIsNotEnforced() {
        List<PhaseInterval> bootedInRed = List.of(new PhaseInterval(SignalPhase.RED, T0, null));
        RedLightDecision d = RedLightRule.decide(new RedLightInput(1, drive(-210, 54, 13, 16, 15), bootedInRed, SITE));
        assertTrue(assertInstanceOf(RedLightDecision.NoViolation.class, d).reason().startsWith("red onset not observed"));
    }

    @Test
    void truncatedBoxesAreIgnored() {
        List<TrajectorySample> traj = drive(-210, 54, 12.0, 16.0, 15).stream()
                .map(s -> new TrajectorySample(s.frame(), s.at(), s.u(), s.v(), s.x(), s.y(), s.y() > 10)).toList();
        RedLightDecision d = RedLightRule.decide(new RedLightInput(1, traj, PLAN, SITE));
        assertEquals("not seen past the exit line", assertInstanceOf(RedLightDecision.NoViolation.class, d).reason());
    }

    @Test
    void decisionIsReproducibleFromItsInput() {
        RedLightInput in = new RedLightInput(3, drive(-215, 61, 12.0, 16.0, 15), PLAN, SITE);
        assertEquals(RedLightRule.decide(in), RedLightRule.decide(new RedLightInput(in.trackId(),
                new ArrayList<>(in.trajectory()), new ArrayList<>(in.phases()), in.settings())));
    }
}
