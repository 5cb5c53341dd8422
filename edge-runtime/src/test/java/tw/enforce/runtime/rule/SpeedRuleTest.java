package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.config.RuleSettings;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.detect.ObjectClass;

public class SpeedRuleTest {
    public static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    static final SiteConfig.Lane L1 = new SiteConfig.Lane("L1", -3.5, 0, null, null, null, null, 50.0,
            Map.of(ObjectClass.MOTORCYCLE, 40.0), null);
    static final SiteConfig.Lane L2 = new SiteConfig.Lane("L2", 0, 3.5);
    final SpeedRule rule = new SpeedRule(new RuleSettings.Speed(-25, -5, 2.0, 3.0), List.of(L1, L2));

    /** Front at y0 at t=0 at constant speed, 15 fps, with ±noise m of ground-point jitter. */
    public static List<TrajectorySample> drive(double x, double y0, double kmh, double seconds, double noise, long seed) {
        Random r = new Random(seed);
        List<TrajectorySample> out = new ArrayList<>();
        for (int i = 0; i <= seconds * 15; i++) {
            double t = i / 15.0;
            out.add(new TrajectorySample(i, T0.plusNanos(Math.round(t * 1e9)), 640, 400, x,
                    y0 + kmh / 3.6 * t + (r.nextDouble() * 2 - 1) * noise, false));
        }
        return out;
    }

    private RuleOutcome decide(String cls, List<TrajectorySample> traj, List<RadarSample> radar) {
        return rule.inputFor(new TrackView(1, cls, 1, null, traj), new SceneContext(List.of(), List.of(), radar))
                .map(rule::decide).orElse(new RuleOutcome.NoViolation("no input"));
    }

    @Test
    void speederIsMeasuredAsTheMeanOverTheZoneAtItsMiddle() {
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class, decide("CAR", drive(-1.5, -40, 72, 3, 0.05, 1), List.of()));
        assertEquals(72, v.speedKmh(), 1.0);
        assertEquals("L1", v.lane());
        assertTrue(v.speedBased());
        // 20 m/s from −40: the middle (−15) at 1.25 s
        assertEquals(1250, java.time.Duration.between(T0, v.eventTime()).toMillis(), 20);
        SpeedMeasurement m = (SpeedMeasurement) v.measurement();
        assertEquals(50, m.limitKmh());
        assertTrue(Double.isNaN(m.radarSpeedKmh()));
        assertEquals(List.of("speed-start", "speed-middle", "speed-end"), v.frames().stream().map(FrameRef::role).toList());
    }

    @Test
    void speedWithinTheMarginIsNoViolation() {
        assertInstanceOf(RuleOutcome.NoViolation.class, decide("CAR", drive(-1.5, -40, 51.5, 4, 0.05, 2), List.of()));
    }

    @Test
    void classLimitAppliesToItsClassOnly() {
        assertInstanceOf(RuleOutcome.Violation.class, decide("MOTORCYCLE", drive(-1.5, -40, 46, 4, 0.0, 3), List.of()));
        assertInstanceOf(RuleOutcome.NoViolation.class, decide("CAR", drive(-1.5, -40, 46, 4, 0.0, 3), List.of()));
    }

    @Test
    void laneWithoutALimitIsNotEnforced() {
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class, decide("CAR", drive(1.5, -40, 90, 3, 0, 4), List.of()));
        assertTrue(n.reason().contains("no lane with a limit"), n.reason());
    }

    @Test
    void vehicleNotYetThroughTheZoneIsNotDecided() {
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class, decide("CAR", drive(-1.5, -40, 72, 1.2, 0, 5), List.of()));
        assertEquals("not seen leaving the speed zone", n.reason());
    }

    @Test
    void radarThatAgreesConfirmsAndRadarThatDisagreesVoidsTheCase() {
        List<TrajectorySample> traj = drive(-1.5, -40, 72, 3, 0.0, 6);
        Instant middle = T0.plusMillis(1250);
        RuleOutcome.Violation ok = assertInstanceOf(RuleOutcome.Violation.class,
                decide("CAR", traj, List.of(new RadarSample(middle.plusMillis(100), 73.5, "APPROACHING"))));
        assertEquals(73.5, ((SpeedMeasurement) ok.measurement()).radarSpeedKmh());
        RuleOutcome.NoViolation bad = assertInstanceOf(RuleOutcome.NoViolation.class,
                decide("CAR", traj, List.of(new RadarSample(middle.minusMillis(200), 60.0, "APPROACHING"))));
        assertTrue(bad.reason().startsWith(SpeedRule.VOID), bad.reason());
        // a receding reading or one too far in time is not this vehicle's
        assertInstanceOf(RuleOutcome.Violation.class, decide("CAR", traj, List.of(
                new RadarSample(middle, 60.0, "RECEDING"), new RadarSample(middle.plusSeconds(1), 60.0, "APPROACHING"))));
    }

    @Test
    void truncatedObservationsAreNotUsed() {
        List<TrajectorySample> traj = new ArrayList<>();
        for (TrajectorySample s : drive(-1.5, -40, 72, 3, 0, 7)) {
            traj.add(new TrajectorySample(s.frame(), s.at(), s.u(), s.v(), s.x(), s.y(), s.y() > -20));
        }
        assertEquals("not seen leaving the speed zone",
                assertInstanceOf(RuleOutcome.NoViolation.class, decide("CAR", traj, List.of())).reason());
    }
}
