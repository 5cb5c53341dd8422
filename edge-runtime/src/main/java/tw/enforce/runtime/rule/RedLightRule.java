package tw.enforce.runtime.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tw.enforce.runtime.signal.PhaseInterval;
import tw.enforce.runtime.signal.SignalPhase;

/**
 * Red-light running, decided on a trajectory in road metres and the lamp-edge history:
 * <ol>
 * <li>the crossing is the LAST time the front goes from before to past the stop line (a vehicle
 *     that creeps over the line, stops and later leaves on green is judged by its leaving);</li>
 * <li>the crossing time is interpolated between the two observations around the line, and the red
 *     onset is the lamp edge's own timestamp, so time into red is not quantised to frames;</li>
 * <li>a violation needs red at the crossing for longer than the grace, a red onset actually seen
 *     (not red since the history began), no fault phase in between, and the vehicle seen leaving
 *     the junction: past the exit line, or (junction known) past its side edges or back behind
 *     the stop line; a movement the lane lists under turn-on-red is exempt.</li>
 * </ol>
 * A pure function: same input, same decision, bit for bit.
 */
public final class RedLightRule {
    private static final double SPEED_WINDOW_S = 0.6;
    private static final Duration SWITCHING_GAP = Duration.ofMillis(250);
    /** A U-turn is recognised once the front is this far back behind the stop line, against travel. */
    private static final double U_TURN_BACK_M = 2.0;

    private RedLightRule() {
    }

    public static RedLightDecision decide(RedLightInput in) {
        List<TrajectorySample> s = new ArrayList<>();
        for (TrajectorySample t : in.trajectory()) {
            if (!t.truncated()) {
                s.add(t);
            }
        }
        s.sort((a, b) -> a.at().compareTo(b.at()));
        if (s.size() < 2) {
            return new RedLightDecision.NoViolation("fewer than 2 untruncated observations");
        }
        double[] y = medianOf3(s);
        RedLightSettings cfg = in.settings();
        RedLightSettings.Lane lane = null;
        double stopLine = cfg.stopLineY();
        for (int i = s.size() - 1; i >= 0 && !cfg.lanes().isEmpty(); i--) {
            RedLightSettings.Lane l = cfg.laneAt(s.get(i).x());
            if (l != null && y[i] < l.stopLineY()) {
                lane = l;
                stopLine = l.stopLineY();
                break;
            }
        }
        int before = -1;
        for (int i = 0; i + 1 < s.size(); i++) {
            if (y[i] < stopLine && y[i + 1] >= stopLine) {
                before = i;
            }
        }
        if (before < 0) {
            return new RedLightDecision.NoViolation("not seen crossing the stop line");
        }
        Instant crossing = interpolate(s.get(before).at(), y[before], s.get(before + 1).at(), y[before + 1], stopLine);
        Leaving leaving = leaving(s, y, before, stopLine, cfg);
        if (leaving == null) {
            return new RedLightDecision.NoViolation(cfg.knowsJunction() ? "not seen leaving the junction"
                    : "not seen past the exit line");
        }

        int at = -1;
        for (int k = 0; k < in.phases().size(); k++) {
            if (in.phases().get(k).contains(crossing)) {
                at = k;
            }
        }
        if (at < 0) {
            return new RedLightDecision.NoViolation("no signal record at the crossing");
        }
        PhaseInterval red = in.phases().get(at);
        if (red.phase() != SignalPhase.RED) {
            return new RedLightDecision.NoViolation("crossed on " + red.phase());
        }
        if (at == 0) {
            return new RedLightDecision.NoViolation("red onset not observed (red since the record began)");
        }
        SignalPhase previous = phaseBefore(in.phases(), at);
        if (previous == SignalPhase.CONFLICT) {
            return new RedLightDecision.NoViolation("signal fault before red");
        }
        double intoRed = seconds(Duration.between(red.from(), crossing));
        if (intoRed <= cfg.graceSeconds()) {
            return new RedLightDecision.NoViolation(String.format("crossed %.3f s into red, within the %.3f s grace",
                    intoRed, cfg.graceSeconds()));
        }
        if (lane != null && lane.turnOnRed().contains(leaving.movement())) {
            return new RedLightDecision.NoViolation("turned " + leaving.movement() + " on red, permitted in lane " + lane.id());
        }
        double x = s.get(before).x() + (s.get(before + 1).x() - s.get(before).x())
                * fraction(y[before], y[before + 1], stopLine);
        return new RedLightDecision.Violation(crossing, red.from(), intoRed, previous, leaving.at(), x,
                speedKmh(s, y, crossing), s.get(before).frame(), leaving.inJunctionFrame(),
                lane == null ? null : lane.id(), leaving.movement(), amberBefore(in.phases(), at));
    }

    private record Leaving(String movement, Instant at, long inJunctionFrame) {
    }

    /**
     * How and when the vehicle left the junction after crossing at index {@code before}: past the
     * exit line (STRAIGHT), past a junction edge (LEFT/RIGHT, only when the junction is known), or
     * back behind its stop line travelling −y (U_TURN); null while it is still inside.
     */
    private static Leaving leaving(List<TrajectorySample> s, double[] y, int before, double stopLine, RedLightSettings cfg) {
        double midY = (stopLine + cfg.exitLineY()) / 2;
        long inJunction = -1;
        double maxY = y[before + 1];
        for (int j = before + 1; j < s.size(); j++) {
            if (inJunction < 0 && y[j] >= midY) {
                inJunction = s.get(j).frame();
            }
            maxY = Math.max(maxY, y[j]);
            long shown = inJunction >= 0 ? inJunction : s.get(j).frame();
            if (y[j] >= cfg.exitLineY()) {
                return new Leaving("STRAIGHT", interpolate(s.get(j - 1).at(), y[j - 1], s.get(j).at(), y[j], cfg.exitLineY()), shown);
            }
            if (cfg.knowsJunction()) {
                double x = s.get(j).x();
                if (x < cfg.junctionXMin()) {
                    return new Leaving("LEFT", s.get(j).at(), shown);
                }
                if (x > cfg.junctionXMax()) {
                    return new Leaving("RIGHT", s.get(j).at(), shown);
                }
                if (y[j] < stopLine - U_TURN_BACK_M && maxY > stopLine) {
                    return new Leaving("U_TURN", s.get(j).at(), shown);
                }
            }
        }
        return null;
    }

    /** Seconds of amber before the red interval {@code at}, NaN when red did not follow amber. */
    static double amberBefore(List<PhaseInterval> phases, int at) {
        for (int k = at - 1; k >= 0; k--) {
            PhaseInterval p = phases.get(k);
            if (p.phase() == SignalPhase.AMBER && p.to() != null) {
                return seconds(Duration.between(p.from(), p.to()));
            }
            boolean briefDark = p.phase() == SignalPhase.DARK && p.to() != null
                    && Duration.between(p.from(), p.to()).compareTo(SWITCHING_GAP) <= 0;
            if (!briefDark) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * The phase shown before interval {@code at}, looking past the brief all-dark gap a controller
     * leaves between switching one lamp off and the next on.
     */
    static SignalPhase phaseBefore(List<PhaseInterval> phases, int at) {
        for (int k = at - 1; k >= 0; k--) {
            PhaseInterval p = phases.get(k);
            boolean briefDark = p.phase() == SignalPhase.DARK
                    && Duration.between(p.from(), p.to()).compareTo(SWITCHING_GAP) <= 0;
            if (!briefDark) {
                return p.phase();
            }
        }
        return SignalPhase.DARK;
    }

    /** Least-squares speed along the approach from the observations within ±0.6 s of the crossing. */
    static double speedKmh(List<TrajectorySample> s, double[] y, Instant around) {
        double st = 0, sy = 0, stt = 0, sty = 0;
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            double t = seconds(Duration.between(around, s.get(i).at()));
            if (Math.abs(t) <= SPEED_WINDOW_S) {
                st += t;
                sy += y[i];
                stt += t * t;
                sty += t * y[i];
                n++;
            }
        }
        double den = n * stt - st * st;
        if (n < 2 || den <= 0) {
            return Double.NaN;
        }
        return (n * sty - st * sy) / den * 3.6;
    }

    /** Median of each observation's y with its neighbours: one wild ground point cannot fake a crossing. */
    static double[] medianOf3(List<TrajectorySample> s) {
        double[] y = new double[s.size()];
        for (int i = 0; i < y.length; i++) {
            if (i == 0 || i == y.length - 1) {
                y[i] = s.get(i).y();
            } else {
                double[] w = {s.get(i - 1).y(), s.get(i).y(), s.get(i + 1).y()};
                Arrays.sort(w);
                y[i] = w[1];
            }
        }
        return y;
    }

    private static Instant interpolate(Instant t0, double y0, Instant t1, double y1, double line) {
        double f = fraction(y0, y1, line);
        long nanos = Duration.between(t0, t1).toNanos();
        return t0.plusNanos(Math.round(nanos * f));
    }

    private static double fraction(double y0, double y1, double line) {
        return y1 == y0 ? 1.0 : Math.max(0, Math.min(1, (line - y0) / (y1 - y0)));
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
