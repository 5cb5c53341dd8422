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
 *     (not red since the history began), no fault phase in between, and the vehicle seen past the
 *     exit line.</li>
 * </ol>
 * A pure function: same input, same decision, bit for bit.
 */
public final class RedLightRule {
    private static final double SPEED_WINDOW_S = 0.6;

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
        int before = -1;
        for (int i = 0; i + 1 < s.size(); i++) {
            if (y[i] < cfg.stopLineY() && y[i + 1] >= cfg.stopLineY()) {
                before = i;
            }
        }
        if (before < 0) {
            return new RedLightDecision.NoViolation("not seen crossing the stop line");
        }
        Instant crossing = interpolate(s.get(before).at(), y[before], s.get(before + 1).at(), y[before + 1], cfg.stopLineY());
        int exitIdx = -1;
        for (int j = before + 1; j < s.size(); j++) {
            if (y[j] >= cfg.exitLineY()) {
                exitIdx = j;
                break;
            }
        }
        if (exitIdx < 0) {
            return new RedLightDecision.NoViolation("not seen past the exit line");
        }
        Instant exit = interpolate(s.get(exitIdx - 1).at(), y[exitIdx - 1], s.get(exitIdx).at(), y[exitIdx], cfg.exitLineY());

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
        SignalPhase previous = in.phases().get(at - 1).phase();
        if (previous == SignalPhase.CONFLICT) {
            return new RedLightDecision.NoViolation("signal fault before red");
        }
        double intoRed = seconds(Duration.between(red.from(), crossing));
        if (intoRed <= cfg.graceSeconds()) {
            return new RedLightDecision.NoViolation(String.format("crossed %.3f s into red, within the %.3f s grace",
                    intoRed, cfg.graceSeconds()));
        }
        double x = s.get(before).x() + (s.get(before + 1).x() - s.get(before).x())
                * fraction(y[before], y[before + 1], cfg.stopLineY());
        double midY = (cfg.stopLineY() + cfg.exitLineY()) / 2;
        long inJunction = s.get(exitIdx).frame();
        for (int j = before + 1; j <= exitIdx; j++) {
            if (y[j] >= midY) {
                inJunction = s.get(j).frame();
                break;
            }
        }
        return new RedLightDecision.Violation(crossing, red.from(), intoRed, previous, exit, x,
                speedKmh(s, y, crossing), s.get(before).frame(), inJunction);
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
