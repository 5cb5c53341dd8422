package tw.enforce.runtime.signal;

import java.time.Duration;
import java.util.Objects;

/**
 * What a healthy controller does, for {@link SignalConsistency}: each lamp's shortest on-time, and how
 * long the switching between lamps may leave all lamps dark or two lit together (red with green is
 * never tolerated).
 */
public record SignalTimings(Duration minGreen, Duration minAmber, Duration minRed,
                            Duration switchingGap, Duration switchingOverlap) {

    public SignalTimings {
        for (Duration d : new Duration[] {minGreen, minAmber, minRed, switchingGap, switchingOverlap}) {
            Objects.requireNonNull(d, "signal timings");
            if (d.isNegative()) {
                throw new IllegalArgumentException("signal timings must not be negative, got " + d);
            }
        }
    }

    /**
     * Taiwan's traffic-signal rules give amber at least 3 s; 2.5 s leaves room for debounce and
     * controller jitter. Green and red under 2 s do not occur in a fixed- or actuated-time plan. A
     * controller leaves at most a few hundred milliseconds between one lamp going off and the next on.
     */
    public static SignalTimings defaults() {
        return new SignalTimings(Duration.ofSeconds(2), Duration.ofMillis(2500), Duration.ofSeconds(2),
                Duration.ofMillis(300), Duration.ofMillis(250));
    }

    Duration minimum(SignalPhase lamp) {
        return switch (lamp) {
            case GREEN -> minGreen;
            case AMBER -> minAmber;
            case RED -> minRed;
            default -> throw new IllegalArgumentException("not a lamp: " + lamp);
        };
    }
}
