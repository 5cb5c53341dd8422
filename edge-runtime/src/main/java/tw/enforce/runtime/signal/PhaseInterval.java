package tw.enforce.runtime.signal;

import java.time.Instant;

/** The signal showed {@code phase} from {@code from} (inclusive) until {@code to} (exclusive; null = still showing). */
public record PhaseInterval(SignalPhase phase, Instant from, Instant to) {

    public boolean contains(Instant t) {
        return !t.isBefore(from) && (to == null || t.isBefore(to));
    }
}
