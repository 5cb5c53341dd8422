package tw.enforce.sim.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.SignalSpec;
import tw.enforce.sim.scenario.SignalSpec.Interval;

/**
 * The fixed-time plan as lamp states over simulated seconds. Intervals are half-open: at the exact
 * time of a change the new lamp is lit. The cycle starts at green onset; red is lit from the end
 * of amber to the end of the cycle.
 */
public final class SignalPlan {
    private static final SignalPhase[] LAMPS = {SignalPhase.GREEN, SignalPhase.AMBER, SignalPhase.RED};

    private final double cycle;
    private final double[] changes; // cycle positions where GREEN, AMBER, RED come on
    private final double startPosition; // cycle position at t = 0

    public SignalPlan(SignalSpec spec) {
        this.cycle = spec.cycleSeconds();
        this.changes = new double[] {0, spec.greenSeconds(), spec.greenSeconds() + spec.amberSeconds()};
        double start = 0;
        for (Interval i : Interval.values()) {
            if (i == spec.startPhase()) {
                break;
            }
            start += spec.durationOf(i);
        }
        this.startPosition = start + spec.offsetSeconds();
    }

    public double cycleSeconds() {
        return cycle;
    }

    /** The lamp lit at {@code t} (GREEN, AMBER or RED). */
    public SignalPhase phaseAt(double t) {
        double pos = position(t);
        for (int i = LAMPS.length - 1; i >= 0; i--) {
            if (pos >= changes[i]) {
                return LAMPS[i];
            }
        }
        return LAMPS[0];
    }

    /** Lamp edges with {@code from < atSeconds <= to}, in time order; at a change the old lamp goes off first. */
    public List<LampEdge> edges(double from, double to) {
        List<LampEdge> out = new ArrayList<>();
        long k = (long) Math.floor((from + startPosition) / cycle) - 1;
        for (; ; k++) {
            double base = k * cycle - startPosition;
            if (base > to) {
                break;
            }
            for (int i = 0; i < LAMPS.length; i++) {
                double at = base + changes[i];
                if (at > from && at <= to) {
                    out.add(new LampEdge(at, LAMPS[(i + LAMPS.length - 1) % LAMPS.length], false));
                    out.add(new LampEdge(at, LAMPS[i], true));
                }
            }
        }
        out.sort(Comparator.comparingDouble(LampEdge::atSeconds)); // stable: off stays before on
        return out;
    }

    /** The time the lamp lit at {@code t} came on (may be before 0 when it was already lit at the start). */
    public double phaseStart(double t) {
        double pos = position(t);
        for (int i = LAMPS.length - 1; i >= 0; i--) {
            if (pos >= changes[i]) {
                return t - (pos - changes[i]);
            }
        }
        return t - pos;
    }

    /** The first time at or after {@code t} at which green comes on or is lit. */
    public double nextGreenAtOrAfter(double t) {
        if (phaseAt(t) == SignalPhase.GREEN) {
            return t;
        }
        return t + (cycle - position(t));
    }

    /** The next lamp change strictly after {@code t}. */
    public double nextChangeAfter(double t) {
        double pos = position(t);
        for (double c : changes) {
            if (c > pos) {
                return t + (c - pos);
            }
        }
        return t + (cycle - pos);
    }

    private double position(double t) {
        double p = (t + startPosition) % cycle;
        return p < 0 ? p + cycle : p;
    }
}
