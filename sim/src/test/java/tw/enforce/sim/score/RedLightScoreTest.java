package tw.enforce.sim.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.Behaviour;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.truth.GroundTruth;
import tw.enforce.sim.truth.VehicleTruth;

class RedLightScoreTest {
    static final Instant EPOCH = Instant.parse("2026-11-26T02:00:00Z");

    static VehicleTruth runner(String id, double stopAt, double intoRed) {
        return new VehicleTruth(id, ActorKind.CAR, "ABC-1234", "L1", Behaviour.RUN, stopAt, SignalPhase.RED,
                stopAt - intoRed, intoRed, stopAt + 2, true);
    }

    @Test
    void casesMatchTheNearestViolatorOnceAndTheRestAreFalseOrMissed() {
        GroundTruth truth = new GroundTruth("t", 60, 0.3, List.of(runner("a", 10, 1.0), runner("b", 20, 0.5),
                runner("c", 40, 2.0)));
        List<DecidedCase> cases = List.of(
                new DecidedCase("p1", EPOCH.plusMillis(10_040), 1.04, "L1", null),
                new DecidedCase("p2", EPOCH.plusMillis(10_100), 1.10, "L1", null),
                new DecidedCase("p3", EPOCH.plusMillis(19_980), 0.48, "L1", null));
        RedLightScore s = RedLightScore.of(truth, EPOCH, cases);
        assertEquals(2, s.matches().size());
        assertEquals(List.of("p2"), s.falsePositives().stream().map(DecidedCase::packageId).toList(),
                "a second case for the same crossing is a wrong ticket");
        assertEquals("c", s.missed().get(0).vehicleId());
        assertEquals(0.04, s.maxTimeIntoRedErrorSeconds(), 1e-9);
        assertFalse(s.exact());
        assertEquals(2.0 / 3, s.precision(), 1e-9);
        assertEquals(2.0 / 3, s.recall(), 1e-9);
    }

    @Test
    void noViolatorsAndNoCasesIsExact() {
        RedLightScore s = RedLightScore.of(new GroundTruth("t", 10, 0.3, List.of()), EPOCH, List.of());
        assertTrue(s.exact());
    }
}
