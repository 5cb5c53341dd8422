package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tw.enforce.sync.protocol.CanonicalJson;

/**
 * What `edgectl evidence replay` relies on: each rule's input survives the manifest's canonical
 * JSON, and deciding on the read-back input gives the same violation, measurement byte for byte.
 */
class RuleReplayTest {

    static final Map<String, ViolationRule<?>> REPLAY = Map.of(
            LineCrossingRule.NAME, LineCrossingRule.forReplay(), YieldRule.NAME, YieldRule.forReplay(),
            IllegalTurnRule.NAME, IllegalTurnRule.forReplay(), WrongWayRule.NAME, WrongWayRule.forReplay(),
            RestrictedClassRule.NAME, RestrictedClassRule.forReplay(), NoStoppingRule.NAME, NoStoppingRule.forReplay());

    static Stream<Arguments> violations() {
        List<TrajectorySample> laneChange = LineCrossingRuleTest.laneChange(1.75, -1.75).jitter(0.1, 7).observe(0, 6);
        List<TrajectorySample> yieldCar = Paths.straight(1.75, -40, 30).jitter(0.1, 1).observe(0, 8);
        List<TrajectorySample> rightTurn = IllegalTurnRuleTest.path(1.75, IllegalTurnRuleTest.RIGHT_TURN).jitter(0.1, 1).observe(0, 7.6);
        List<TrajectorySample> wrongWay = Paths.of(t -> 1.75, t -> -5 - 10 * t).jitter(0.1, 1).observe(0, 4);
        List<TrajectorySample> moto = Paths.straight(-1.75, -30, 40).jitter(0.1, 1).observe(0, 4.5);
        List<TrajectorySample> parked = NoStoppingRuleTest.parks(4.75, 80, -20).jitter(0.2, 1).observe(0, 80);
        return Stream.of(
                Arguments.of(LineCrossingRuleTest.RULE, new LineCrossingInput(1, laneChange, LineCrossingRuleTest.RULE_SETTINGS())),
                Arguments.of(YieldRuleTest.RULE, new YieldInput(2, yieldCar, List.of(YieldRuleTest.walker(-5.0, 2)), YieldRuleTest.SETTINGS)),
                Arguments.of(IllegalTurnRuleTest.RULE, new TurnInput(3, rightTurn, IllegalTurnRuleTest.SETTINGS)),
                Arguments.of(WrongWayRuleTest.RULE, new WrongWayInput(4, wrongWay, WrongWayRuleTest.SETTINGS)),
                Arguments.of(RestrictedClassRuleTest.RULE, new RestrictedClassInput(5, "MOTORCYCLE", 0.95,
                        Map.of("MOTORCYCLE", 38, "BICYCLE", 2), moto, RestrictedClassRuleTest.SETTINGS)),
                Arguments.of(NoStoppingRuleTest.RULE, new NoStoppingInput(6, parked, NoStoppingRuleTest.SETTINGS)));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("violations")
    <I> void violationReplaysFromItsManifestJsonToTheSameMeasurement(ViolationRule<I> rule, I input) throws Exception {
        RuleOutcome.Violation first = assertInstanceOf(RuleOutcome.Violation.class, rule.decide(input));
        byte[] stored = CanonicalJson.write(input);
        I readBack = CanonicalJson.read(stored, rule.inputType());
        assertEquals(input, readBack, "input survives JSON");
        RuleOutcome.Violation again = assertInstanceOf(RuleOutcome.Violation.class, rule.decide(readBack));
        assertArrayEquals(CanonicalJson.write(first.measurement()), CanonicalJson.write(again.measurement()));
        assertEquals(first.eventTime(), again.eventTime());
        assertEquals(first.frames(), again.frames());
        assertEquals(first.lane(), again.lane());
        assertEquals(rule.name(), first.rule());
        assertArrayEquals(stored, CanonicalJson.write(readBack), "the same input always writes the same bytes");
        @SuppressWarnings("unchecked")
        ViolationRule<I> withoutSite = (ViolationRule<I>) REPLAY.get(rule.name());
        RuleOutcome.Violation replayed = assertInstanceOf(RuleOutcome.Violation.class, withoutSite.decide(readBack));
        assertArrayEquals(CanonicalJson.write(first.measurement()), CanonicalJson.write(replayed.measurement()),
                "a rule built without the site decides a recorded input the same way");
    }
}
