package tw.enforce.runtime.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.signal.SignalFault.Kind;

class SignalConsistencyTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    private final SignalConsistency check = new SignalConsistency(SignalTimings.defaults(), T0);

    private static Instant t(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    private void on(SignalPhase lamp, double at) {
        check.lampChanged(lamp, true, t(at));
    }

    private void off(SignalPhase lamp, double at) {
        check.lampChanged(lamp, false, t(at));
    }

    @Test
    void normalCycleWithShortSwitchingGapsAndOverlapsHasNoFault() {
        on(SignalPhase.GREEN, 0);
        off(SignalPhase.GREEN, 10);
        on(SignalPhase.AMBER, 10.2);
        on(SignalPhase.RED, 13.1);
        off(SignalPhase.AMBER, 13.2);
        off(SignalPhase.RED, 33);
        on(SignalPhase.GREEN, 33);

        assertEquals(List.of(), check.faultsBetween(T0, t(60)));
    }

    @Test
    void redAndGreenTogetherIsAFaultForExactlyTheOverlap() {
        on(SignalPhase.RED, 0);
        on(SignalPhase.GREEN, 5);
        off(SignalPhase.GREEN, 5.05);

        List<SignalFault> faults = check.faultsBetween(T0, t(60));

        assertEquals(List.of(Kind.RED_AND_GREEN, Kind.SHORT_PHASE), faults.stream().map(SignalFault::kind).toList(),
                "the 50 ms green is also too short");
        assertEquals(t(5), faults.get(0).from());
        assertEquals(t(5.05), faults.get(0).to());
    }

    @Test
    void redAndGreenStillLitIsReportedAsLastingBeforeItEnds() {
        on(SignalPhase.RED, 1);
        on(SignalPhase.GREEN, 5);

        SignalFault fault = check.faultBetween(t(4), t(5.001)).orElseThrow();

        assertEquals(Kind.RED_AND_GREEN, fault.kind());
        assertNull(fault.to());
        assertTrue(check.faultBetween(t(4), t(5)).isEmpty(), "nothing yet at the instant green came on");
    }

    @Test
    void amberOverlappingRedLongerThanTheToleranceIsAFault() {
        on(SignalPhase.AMBER, 0);
        on(SignalPhase.RED, 4);
        off(SignalPhase.AMBER, 4.4);

        SignalFault fault = check.faultBetween(T0, t(10)).orElseThrow();

        assertEquals(Kind.LAMPS_OVERLAP, fault.kind());
        assertEquals(t(4), fault.from());
        assertEquals(t(4.4), fault.to());
    }

    @Test
    void noLampLitBeyondTheToleranceIsAFaultFromWhenTheLastWentOff() {
        on(SignalPhase.RED, 0);
        off(SignalPhase.RED, 10);

        assertTrue(check.faultBetween(t(9), t(10.3)).isEmpty(), "a 300 ms switching gap is normal");
        SignalFault fault = check.faultBetween(t(9), t(10.301)).orElseThrow();

        assertEquals(Kind.NO_LAMP, fault.kind());
        assertEquals(t(10), fault.from());
        assertNull(fault.to(), "still dark");

        on(SignalPhase.GREEN, 12);
        SignalFault closed = check.faultBetween(t(9), t(20)).orElseThrow();
        assertEquals(t(12), closed.to());
    }

    @Test
    void amberShorterThanItsMinimumIsAShortPhase() {
        on(SignalPhase.GREEN, 0);
        off(SignalPhase.GREEN, 10);
        on(SignalPhase.AMBER, 10);
        off(SignalPhase.AMBER, 11.5);
        on(SignalPhase.RED, 11.5);

        SignalFault fault = check.faultBetween(T0, t(30)).orElseThrow();

        assertEquals(Kind.SHORT_PHASE, fault.kind());
        assertEquals(t(10), fault.from());
        assertEquals(t(11.5), fault.to());
        assertTrue(fault.detail().contains("AMBER lit 1500 ms"), fault.detail());
    }

    @Test
    void lampAlreadyLitWhenWatchingBeganIsNotJudgedShort() {
        on(SignalPhase.RED, 0);
        off(SignalPhase.RED, 0.5);
        on(SignalPhase.GREEN, 0.5);

        assertEquals(List.of(), check.faultsBetween(T0, t(10)));
    }

    @Test
    void flashingAmberModeIsFaultedThroughout() {
        for (int i = 0; i < 10; i++) {
            on(SignalPhase.AMBER, 1 + i);
            off(SignalPhase.AMBER, 1.5 + i);
        }

        List<SignalFault> faults = check.faultsBetween(t(5), t(6));

        assertTrue(faults.stream().anyMatch(f -> f.kind() == Kind.SHORT_PHASE), faults.toString());
        assertTrue(faults.stream().anyMatch(f -> f.kind() == Kind.NO_LAMP), faults.toString());
    }

    @Test
    void faultOutsideTheSpanAskedAboutIsNotReportedAndPruneForgetsIt() {
        on(SignalPhase.RED, 0);
        on(SignalPhase.GREEN, 5);
        off(SignalPhase.GREEN, 6);

        assertTrue(check.faultBetween(t(6), t(20)).isEmpty(), "ended at 6: [6, 20] is clean");
        assertTrue(check.faultBetween(t(0), t(5)).isPresent());

        check.prune(t(7));
        assertTrue(check.faultBetween(T0, t(20)).isEmpty());
    }

    @Test
    void historyReportsTheFaultsOfItsLampEdges() {
        SignalHistory history = new SignalHistory(T0);
        history.lampChanged(SignalPhase.RED, true, t(0));
        history.lampChanged(SignalPhase.GREEN, true, t(3));
        history.lampChanged(SignalPhase.GREEN, false, t(3.2));

        assertEquals(Kind.RED_AND_GREEN, history.faultBetween(t(2), t(4)).orElseThrow().kind());
        assertTrue(history.faultBetween(t(4), t(9)).isEmpty());
    }
}
