package tw.enforce.sim.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.sim.truth.Offence;
import tw.enforce.sim.truth.RuleId;
import tw.enforce.sim.world.SimClock;

class RuleScoreTest {
    private static final Instant EPOCH = SimClock.DEFAULT_EPOCH;

    private static Offence speeding(String id, double at, double kmh) {
        return new Offence(RuleId.SPEED, id, "ABC-1234", "L1", at, kmh, Double.NaN, "");
    }

    private static RuleCase speedCase(String pkg, double at, double kmh, boolean ticket) {
        return new RuleCase(pkg, "SPEED", SimClock.instantAt(EPOCH, at), "L1", kmh, Double.NaN, null, ticket);
    }

    @Test
    void casesMatchTheNearestOffenceOfTheirRuleWithinTheWindowWithSpeedError() {
        List<Offence> truth = List.of(speeding("a", 10.0, 60.0), speeding("b", 10.3, 70.0), speeding("c", 30.0, 65.0),
                new Offence(RuleId.RED_LIGHT, "d", "ABC-1234", "L1", 40.0, 50, 1.0, ""));
        List<RuleCase> cases = List.of(speedCase("p1", 10.35, 71.5, true), speedCase("p2", 10.1, 59.0, true),
                speedCase("p3", 20.0, 80.0, true), speedCase("p4", 30.1, 90.0, false),
                new RuleCase("p5", "RED_LIGHT", SimClock.instantAt(EPOCH, 40.0), "L1", 50, 1.0, null, true));
        RuleScore s = RuleScore.of(RuleId.SPEED, truth, EPOCH, cases);
        assertEquals(List.of("a", "b"), s.matches().stream().map(m -> m.truth().vehicleId()).sorted().toList());
        assertEquals(1.5, s.matches().stream().filter(m -> m.truth().vehicleId().equals("b")).findFirst().orElseThrow()
                .speedErrorKmh(), 1e-9);
        assertEquals(List.of("p3"), s.falsePositives().stream().map(RuleCase::packageId).toList(), "no offence near 20 s");
        assertEquals(List.of("c"), s.missed().stream().map(Offence::vehicleId).toList(), "its only case was voided");
        assertEquals(List.of("p4"), s.voided().stream().map(RuleCase::packageId).toList());
    }
}
