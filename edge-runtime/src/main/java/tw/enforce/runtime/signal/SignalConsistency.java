package tw.enforce.runtime.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the lamp edges of one signal head against {@link SignalTimings} and keeps the
 * {@link SignalFault}s found, with their times. A condition still going on (all dark, two lamps lit)
 * is judged at the end of the span asked about, so a query made now sees a lamp that has been dark
 * too long even before it comes back on. A lamp already lit when watching began has an unknown
 * on-time and is not judged for a short phase. Fed and queried under {@link SignalHistory}'s lock;
 * synchronized for callers that use it alone.
 */
public final class SignalConsistency {
    private static final Logger log = LoggerFactory.getLogger(SignalConsistency.class);

    private final SignalTimings timings;
    private final Instant start;
    private final Map<SignalPhase, Instant> onSince = new EnumMap<>(SignalPhase.class);
    private final Deque<SignalFault> faults = new ArrayDeque<>();
    private Instant stateSince;

    public SignalConsistency(SignalTimings timings, Instant start) {
        this.timings = Objects.requireNonNull(timings, "timings");
        this.start = Objects.requireNonNull(start, "start");
        this.stateSince = start;
    }

    /** A lamp went on or off at {@code at}; edges older than the last one are taken as happening then. */
    public synchronized void lampChanged(SignalPhase lamp, boolean on, Instant at) {
        timings.minimum(lamp);
        Instant t = at.isBefore(stateSince) ? stateSince : at;
        if (on == onSince.containsKey(lamp)) {
            return;
        }
        closeState(t);
        if (on) {
            onSince.put(lamp, t);
        } else {
            Instant since = onSince.remove(lamp);
            Duration lit = Duration.between(since, t);
            if (since.isAfter(start) && lit.compareTo(timings.minimum(lamp)) < 0) {
                record(new SignalFault(SignalFault.Kind.SHORT_PHASE, since, t,
                        lamp + " lit " + lit.toMillis() + " ms, minimum " + timings.minimum(lamp).toMillis() + " ms"));
            }
        }
        stateSince = t;
    }

    /** Every fault that covers some moment of [{@code from}, {@code to}], oldest first, a lasting one judged at {@code to}. */
    public synchronized List<SignalFault> faultsBetween(Instant from, Instant to) {
        List<SignalFault> out = new ArrayList<>();
        for (SignalFault f : faults) {
            if (f.overlaps(from, to)) {
                out.add(f);
            }
        }
        stateFault(to, null).filter(f -> f.overlaps(from, to)).ifPresent(out::add);
        return out;
    }

    /** The first fault within [{@code from}, {@code to}], if any: red-light cases spanning it are not enforced. */
    public synchronized Optional<SignalFault> faultBetween(Instant from, Instant to) {
        List<SignalFault> all = faultsBetween(from, to);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Forgets faults that ended before {@code before}. */
    public synchronized void prune(Instant before) {
        while (!faults.isEmpty() && faults.peekFirst().to() != null && faults.peekFirst().to().isBefore(before)) {
            faults.removeFirst();
        }
    }

    /** The lamp set shown since {@code stateSince} ends at {@code t}: record it if it was a fault. */
    private void closeState(Instant t) {
        stateFault(t, t).ifPresent(this::record);
    }

    /** The fault the current lamp set amounts to if it lasts until {@code until}; {@code end} null while it lasts. */
    private Optional<SignalFault> stateFault(Instant until, Instant end) {
        Duration lasted = Duration.between(stateSince, until);
        boolean red = onSince.containsKey(SignalPhase.RED);
        boolean green = onSince.containsKey(SignalPhase.GREEN);
        int lit = onSince.size();
        if (red && green && lasted.compareTo(Duration.ZERO) > 0) {
            return Optional.of(new SignalFault(SignalFault.Kind.RED_AND_GREEN, stateSince, end, "red and green lit together"));
        }
        if (lit > 1 && lasted.compareTo(timings.switchingOverlap()) > 0) {
            return Optional.of(new SignalFault(SignalFault.Kind.LAMPS_OVERLAP, stateSince, end, onSince.keySet()
                    + " lit together for over " + timings.switchingOverlap().toMillis() + " ms"));
        }
        if (lit == 0 && lasted.compareTo(timings.switchingGap()) > 0) {
            return Optional.of(new SignalFault(SignalFault.Kind.NO_LAMP, stateSince, end,
                    "no lamp lit for over " + timings.switchingGap().toMillis() + " ms"));
        }
        return Optional.empty();
    }

    private void record(SignalFault fault) {
        faults.addLast(fault);
        log.warn("signal fault {} from {} to {}: {}", fault.kind(), fault.from(), fault.to(), fault.detail());
    }
}
