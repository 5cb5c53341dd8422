package tw.enforce.runtime.app;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the unit may enforce a case that spans [{@code from}, {@code to}]: a camera whose picture
 * was faulty at any moment of it cannot be trusted for the case. The pipeline asks before it makes
 * evidence; a suspended case is counted and logged, never ticketed. Answers from the pipeline thread.
 */
@FunctionalInterface
public interface EnforcementGate {

    /** No supervision: every case may be enforced. */
    EnforcementGate OPEN = (from, to) -> Optional.empty();

    /** Why cases over [from, to] must not be enforced, or empty when they may be. */
    Optional<String> suspendedBetween(Instant from, Instant to);
}
