package tw.enforce.sync.section;

import java.time.Instant;

/**
 * Everything the section-speed decision depends on, copied from the two signed passage manifests
 * and the center's policy: stored verbatim in the decision record so the decision can be re-run.
 * {@code maxClockOffsetMs} is the largest clock offset a unit may claim and still count as trusted;
 * {@code maxPlausibleKmh} an average no vehicle reaches on the road (beyond it the pair is a cloned
 * plate or a clock fault, never a ticket).
 */
public record SectionSpeedInput(String sectionId, String plate, double lengthM, double limitKmh,
                                Instant entryAt, Instant exitAt,
                                PassageManifest.ClockState entryClock, PassageManifest.ClockState exitClock,
                                double maxClockOffsetMs, double maxPlausibleKmh) {
}
