package tw.enforce.runtime.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a package can be used for, from the clock state and the calibration certificate at
 * the moment it was made. A clock that is unsynchronised with an unknown offset, or off by more than
 * {@code maxClockOffset}, makes the whole case non-enforceable (its times are not trustworthy); an
 * expired calibration makes speeds non-enforceable, and a red-light case notes it. Nothing is dropped.
 */
public record EnforceabilityPolicy(Duration maxClockOffset) {
    public static final EnforceabilityPolicy DEFAULT = new EnforceabilityPolicy(Duration.ofMillis(1000));

    public EnforceabilityPolicy {
        if (maxClockOffset == null || maxClockOffset.isNegative()) {
            throw new IllegalArgumentException("maxClockOffset must be a non-negative duration, got " + maxClockOffset);
        }
    }

    /** {@code calibrationValidUntil} is the last day (UTC) the certificate is valid; null = no certificate. */
    public EvidenceManifest.Enforceability assess(String rule, EvidenceManifest.ClockState clock, String calibrationId,
                                                  LocalDate calibrationValidUntil, Instant at) {
        List<String> notes = new ArrayList<>();
        boolean enforceable = true;
        boolean speed = true;
        Double offset = clock == null ? null : clock.estimatedOffsetMillis();
        double maxMs = maxClockOffset.toNanos() / 1e6;
        if (clock == null) {
            enforceable = false;
            notes.add("clock state unknown");
        } else if (offset != null && Math.abs(offset) > maxMs) {
            enforceable = false;
            notes.add(String.format("clock offset %.1f ms exceeds the %.1f ms limit", offset, maxMs));
        } else if (!clock.synchronised() && offset == null) {
            enforceable = false;
            notes.add("clock not synchronised (source " + clock.source() + ") and its offset is unknown");
        } else if (!clock.synchronised()) {
            notes.add(String.format("clock not synchronised; last estimated offset %.1f ms is within the limit", offset));
        }
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        if (calibrationValidUntil == null) {
            speed = false;
            notes.add("no calibration certificate");
        } else if (day.isAfter(calibrationValidUntil)) {
            speed = false;
            notes.add("calibration " + calibrationId + " expired on " + calibrationValidUntil);
        }
        if ("SPEED".equals(rule) && !speed) {
            enforceable = false;
        }
        return new EvidenceManifest.Enforceability(enforceable, speed && enforceable, notes);
    }
}
