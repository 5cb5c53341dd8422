package tw.enforce.runtime.rule;

import java.time.Instant;
import tw.enforce.runtime.signal.SignalPhase;

/** The outcome of the red-light rule for one track. */
public sealed interface RedLightDecision {

    /**
     * The front of the vehicle crossed the stop line {@code timeIntoRedSeconds} after the red lamp
     * lit (beyond the grace) and then left the junction by {@code movement} at {@code exitLineCrossing}
     * (the exit line for STRAIGHT, the junction edge or the stop line again for turns). {@code lane}
     * is null when no lanes are configured; {@code amberSeconds} is NaN when red did not follow amber.
     */
    record Violation(Instant stopLineCrossing, Instant redOnset, double timeIntoRedSeconds, SignalPhase phaseBeforeRed,
                     Instant exitLineCrossing, double xAtStopLine, double speedKmh, long frameBeforeStopLine,
                     long frameInJunction, String lane, String movement, double amberSeconds) implements RedLightDecision {
    }

    record NoViolation(String reason) implements RedLightDecision {
    }
}
