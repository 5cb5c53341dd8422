package tw.enforce.runtime.rule;

import java.time.Instant;
import java.util.List;

/** What a rule decided for one track. */
public sealed interface RuleOutcome {

    /**
     * A violation. {@code eventTime} is the decisive instant (stop-line crossing, middle of the speed
     * measurement, entry into the crosswalk, line crossing, start of the dwell…), {@code lane} the
     * lane it happened in (null if none), {@code speedKmh} the measured speed (NaN when the rule does
     * not measure one), {@code measurement} a rule-specific record serialised into the manifest,
     * {@code frames} the frames the evidence must show, in order.
     */
    record Violation(String rule, Instant eventTime, String lane, double speedKmh, boolean speedBased,
                     Object measurement, List<FrameRef> frames) implements RuleOutcome {
        public Violation {
            frames = List.copyOf(frames);
        }
    }

    /** No violation (yet): why, for the log. A rule evaluated again later may still find one. */
    record NoViolation(String reason) implements RuleOutcome {
    }
}
