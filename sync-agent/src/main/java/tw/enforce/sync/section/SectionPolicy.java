package tw.enforce.sync.section;

import java.time.Duration;

/**
 * The center's section-speed policy: how long after an entry an exit may still pair with it, the
 * clock offset a unit may report and still be trusted, and the average speed beyond which a pair is
 * taken for a cloned plate or a clock fault rather than a vehicle.
 */
public record SectionPolicy(Duration maxElapsed, double maxClockOffsetMs, double maxPlausibleKmh) {
    public static final SectionPolicy DEFAULTS = new SectionPolicy(Duration.ofHours(2), 1000, 250);

    public SectionPolicy {
        if (maxElapsed.isNegative() || maxElapsed.isZero()) {
            throw new IllegalArgumentException("section maxElapsed must be positive, got " + maxElapsed);
        }
        if (maxClockOffsetMs < 0 || maxPlausibleKmh <= 0) {
            throw new IllegalArgumentException("section maxClockOffsetMs must be >= 0 and maxPlausibleKmh > 0, got "
                    + maxClockOffsetMs + ", " + maxPlausibleKmh);
        }
    }
}
