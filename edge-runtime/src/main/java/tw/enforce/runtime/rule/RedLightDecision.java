package tw.enforce.runtime.rule;

import java.time.Instant;
import tw.enforce.runtime.signal.SignalPhase;

/** The outcome of the red-light rule for one track. */
public sealed interface RedLightDecision {

    /**
     * The front of the vehicle crossed the stop line {@code timeIntoRedSeconds} after the red lamp
     * lit (beyond the grace) and went on past the exit line.
     */
    record Violation(Instant stopLineCrossing, Instant redOnset, double timeIntoRedSeconds, SignalPhase phaseBeforeRed,
                     Instant exitLineCrossing, double xAtStopLine, double speedKmh, long frameBeforeStopLine,
                     long frameInJunction) implements RedLightDecision {
    }

    record NoViolation(String reason) implements RedLightDecision {
    }
}
