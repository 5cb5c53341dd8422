package tw.enforce.runtime.signal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The phase history of one signal head, built from lamp edges with their GPIO timestamps (not frame
 * times, which are up to a frame interval late). Edges arrive on the GPIO thread and queries come
 * from the pipeline thread, so every method is synchronized. History older than the retention is
 * dropped by {@link #prune}. Lamp edges are also checked for consistency ({@link SignalConsistency}):
 * {@link #faultBetween} tells the pipeline when red-light enforcement must be suspended.
 */
public final class SignalHistory {
    private final boolean[] lit = new boolean[3];
    private final Deque<PhaseInterval> closed = new ArrayDeque<>();
    private SignalPhase current = SignalPhase.DARK;
    private final SignalConsistency consistency;
    private Instant since;

    /** A history checked against {@link SignalTimings#defaults()}. */
    public SignalHistory(Instant start) {
        this(start, SignalTimings.defaults());
    }

    public SignalHistory(Instant start, SignalTimings timings) {
        this.since = start;
        this.consistency = new SignalConsistency(timings, start);
    }

    /** A lamp (GREEN, AMBER or RED) went on or off at {@code at}. */
    public synchronized void lampChanged(SignalPhase lamp, boolean on, Instant at) {
        int i = switch (lamp) {
            case GREEN -> 0;
            case AMBER -> 1;
            case RED -> 2;
            default -> throw new IllegalArgumentException("not a lamp: " + lamp);
        };
        lit[i] = on;
        consistency.lampChanged(lamp, on, at);
        SignalPhase next = phaseOfLamps();
        if (next == current) {
            return;
        }
        Instant from = at.isBefore(since) ? since : at;
        if (from.equals(since)) {
            // lamps switched at one instant (amber off, red on): no zero-length phase in between
            PhaseInterval last = closed.peekLast();
            if (last != null && last.phase() == next) {
                closed.removeLast();
                since = last.from();
            }
        } else {
            closed.addLast(new PhaseInterval(current, since, from));
            since = from;
        }
        current = next;
    }

    public synchronized SignalPhase current() {
        return current;
    }

    public synchronized Instant currentSince() {
        return since;
    }

    /** Every interval that overlaps [from, to], oldest first, the ongoing one last with a null end. */
    public synchronized List<PhaseInterval> between(Instant from, Instant to) {
        List<PhaseInterval> out = new ArrayList<>();
        for (PhaseInterval p : closed) {
            if (p.to().isAfter(from) && !p.from().isAfter(to)) {
                out.add(p);
            }
        }
        if (!since.isAfter(to)) {
            out.add(new PhaseInterval(current, since, null));
        }
        return out;
    }

    /**
     * Every signal fault covering some moment of [{@code from}, {@code to}], oldest first; a fault
     * still going on (all dark, two lamps lit) is judged as lasting until {@code to}.
     */
    public synchronized List<SignalFault> faultsBetween(Instant from, Instant to) {
        return consistency.faultsBetween(from, to);
    }

    /** The first signal fault in [{@code from}, {@code to}]: while there is one, red-light cases there are not enforced. */
    public synchronized Optional<SignalFault> faultBetween(Instant from, Instant to) {
        return consistency.faultBetween(from, to);
    }

    public synchronized void prune(Instant before) {
        consistency.prune(before);
        while (!closed.isEmpty() && closed.peekFirst().to().isBefore(before)) {
            closed.removeFirst();
        }
    }

    private SignalPhase phaseOfLamps() {
        int count = (lit[0] ? 1 : 0) + (lit[1] ? 1 : 0) + (lit[2] ? 1 : 0);
        if (count == 0) {
            return SignalPhase.DARK;
        }
        if (count > 1) {
            return SignalPhase.CONFLICT;
        }
        return lit[0] ? SignalPhase.GREEN : lit[1] ? SignalPhase.AMBER : SignalPhase.RED;
    }
}
