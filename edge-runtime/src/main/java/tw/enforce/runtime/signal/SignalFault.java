package tw.enforce.runtime.signal;

import java.time.Instant;
import java.util.Objects;

/**
 * An inconsistency in the controller's lamp outputs from {@code from} until {@code to} (null while it
 * lasts). Red-light enforcement is suspended for any case whose time span touches one.
 */
public record SignalFault(Kind kind, Instant from, Instant to, String detail) {

    public enum Kind {
        /** Red and green lit together, for any time at all: a conflict the controller must never show. */
        RED_AND_GREEN,
        /** Amber lit with red or green for longer than the switching tolerance. */
        LAMPS_OVERLAP,
        /** No lamp lit for longer than the switching tolerance: controller off, flashing, or a cut wire. */
        NO_LAMP,
        /** A lamp lit for less than its configured minimum: flashing mode, a relay chattering, a bad input. */
        SHORT_PHASE
    }

    public SignalFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(detail, "detail");
    }

    /** True when the fault covers some moment of [{@code start}, {@code end}]. */
    public boolean overlaps(Instant start, Instant end) {
        return !from.isAfter(end) && (to == null || to.isAfter(start));
    }
}
