package tw.enforce.gpio.pi4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leading-edge lockout debounce for one input, timed entirely by an injected clock.
 *
 * <p>The first change of the raw level is delivered at once, stamped with the clock's time: that is
 * when the lamp really switched, which the red-light rule needs to better than one frame. For the
 * following {@code window} further changes are only recorded (contact bounce). When the window has
 * passed, the level is reconciled: if the raw level then differs from the delivered one, that
 * change is delivered, stamped with the time of the raw transition that produced it, and a new
 * window starts there. Reconciliation happens on the next raw change or {@link #settle}, whichever
 * comes first, so with a simulated clock the outcome depends only on the clock's times, never on
 * how fast the simulator runs.
 *
 * <p>Hazard: a pulse shorter than the window is not hidden; it is delivered as two edges, the
 * second at the end of the window. Traffic-controller lamp outputs do not glitch like that; they
 * bounce, which this suppresses exactly.
 */
final class LeadingEdgeDebouncer {

    /** A debounced change of level. */
    record Change(boolean high, Instant at) {
    }

    /** Receives changes while the debouncer's lock is held, so they arrive in order. */
    interface Sink {
        void deliver(Change change);
    }

    private final Clock clock;
    private final Duration window;
    private final Sink sink;
    private boolean delivered;
    private boolean raw;
    private Instant rawSince;
    private Instant lockedUntil;

    LeadingEdgeDebouncer(Clock clock, Duration window, boolean initialHigh, Sink sink) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("debounce window must not be negative, was " + window);
        }
        this.clock = clock;
        this.window = window;
        this.sink = sink;
        this.delivered = initialHigh;
        this.raw = initialHigh;
        this.rawSince = clock.instant();
    }

    /** The raw input changed (or was reported again) to {@code high}, now. */
    synchronized void onRaw(boolean high) {
        Instant now = clock.instant();
        settleAt(now);
        if (high == raw) {
            return;
        }
        raw = high;
        rawSince = now;
        if (lockedUntil == null && raw != delivered) {
            deliver(raw, now);
        }
    }

    /**
     * Reconciles if the window has passed on the clock.
     *
     * @return when the current window ends, if one is still open
     */
    synchronized Optional<Instant> settle() {
        settleAt(clock.instant());
        return Optional.ofNullable(lockedUntil);
    }

    /** Debounced level after settling. */
    synchronized boolean isHigh() {
        settleAt(clock.instant());
        return delivered;
    }

    private void settleAt(Instant now) {
        while (lockedUntil != null && !now.isBefore(lockedUntil)) {
            lockedUntil = null;
            if (raw != delivered) {
                deliver(raw, rawSince);
            }
        }
    }

    private void deliver(boolean high, Instant at) {
        delivered = high;
        lockedUntil = at.plus(window);
        sink.deliver(new Change(high, at));
    }
}
