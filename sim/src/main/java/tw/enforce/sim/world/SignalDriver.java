package tw.enforce.sim.world;

import java.util.List;
import tw.enforce.runtime.signal.SignalPhase;

/**
 * Plays the signal plan onto lamps in simulated time. For every lamp edge it first sets the clock
 * to the edge's exact time, then switches the lamp, so whatever timestamps the edge from the same
 * clock sees the planned time and the unit's time-into-red is exact rather than rounded to frames.
 */
public final class SignalDriver {
    private final SignalPlan plan;
    private final SimClock clock;
    private final LampDriver lamps;
    private double now = Double.NaN;

    public SignalDriver(SignalPlan plan, SimClock clock, LampDriver lamps) {
        this.plan = plan;
        this.clock = clock;
        this.lamps = lamps;
    }

    /** Sets the clock to 0 and the lamps to the plan's state at 0 (others off first). */
    public void start() {
        clock.setSeconds(0);
        SignalPhase lit = plan.phaseAt(0);
        for (SignalPhase lamp : new SignalPhase[] {SignalPhase.RED, SignalPhase.AMBER, SignalPhase.GREEN}) {
            if (lamp != lit) {
                lamps.set(lamp, false);
            }
        }
        lamps.set(lit, true);
        now = 0;
    }

    /** Drives every edge in (now, t] at its own time, then leaves the clock at {@code t}. */
    public void advanceTo(double t) {
        if (Double.isNaN(now)) {
            throw new IllegalStateException("call start() before advanceTo()");
        }
        if (t < now) {
            throw new IllegalArgumentException("simulated time cannot go back: at " + now + " s, asked for " + t + " s");
        }
        List<LampEdge> edges = plan.edges(now, t);
        for (LampEdge e : edges) {
            clock.setSeconds(e.atSeconds());
            lamps.set(e.lamp(), e.on());
            now = e.atSeconds();
        }
        clock.setSeconds(t);
        now = t;
    }

    public double now() {
        return now;
    }
}
