package tw.enforce.sync.section;

import java.time.Instant;
import java.util.List;

/**
 * The section-speed outcome for one entry/exit pair. {@code speedKmh} = lengthM / elapsed;
 * {@code conservativeSpeedKmh} uses the elapsed time lengthened by both units' clock uncertainty
 * (NaN when an offset is unknown). {@code eventTime} is the exit passage. A violation is
 * {@code enforceable} only when both clocks are trusted and even the conservative speed is over the
 * limit; {@code notes} say why not.
 */
public record SectionSpeedDecision(boolean violation, String reason, Instant eventTime, double elapsedSeconds,
                                   double speedKmh, double conservativeSpeedKmh, double clockUncertaintySeconds,
                                   double limitKmh, boolean enforceable, List<String> notes) {
    public static final String RULE = "SECTION_SPEED";

    public SectionSpeedDecision {
        notes = List.copyOf(notes);
    }
}
