package tw.enforce.runtime.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A trajectory made fit for decisions: truncated observations (whose ground point is not the
 * vehicle's) dropped, ordered by time, and x and y each replaced by the median of the five
 * observations around it, so one or two wild boxes cannot move the vehicle across a line. The two
 * observations at either end, which lack neighbours on one side, are left out: a track evaluated
 * while still followed must not be judged on two wild boxes that happen to be its newest. Lines
 * are crossed with hysteresis ({@link #crossings}): a side counts only once the path is seen a
 * margin beyond the line on consecutive observations, and the crossing instant is interpolated
 * between the two observations either side of the line itself.
 */
final class SmoothedPath {
    static final int MEDIAN_WINDOW = 5;
    static final double MAX_PLAUSIBLE_MPS = 60;

    /** One confirmed change of side: between observation {@code before} and the next, at {@code fraction} of that step; direction +1 = upwards. */
    record Crossing(int before, double fraction, int direction) {
    }

    private final List<TrajectorySample> samples;
    private final Instant origin;
    final double[] t;
    final double[] x;
    final double[] y;

    private SmoothedPath(List<TrajectorySample> all) {
        int n = all.size();
        double[] rawX = new double[n];
        double[] rawY = new double[n];
        for (int i = 0; i < n; i++) {
            rawX[i] = all.get(i).x();
            rawY[i] = all.get(i).y();
        }
        double[] mx = median(rawX);
        double[] my = median(rawY);
        int half = MEDIAN_WINDOW / 2;
        int from = Math.min(half, n);
        int to = Math.max(from, n - half);
        this.samples = all.subList(from, to);
        this.origin = samples.isEmpty() ? Instant.EPOCH : samples.get(0).at();
        t = new double[samples.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = seconds(Duration.between(origin, samples.get(i).at()));
        }
        x = Arrays.copyOfRange(mx, from, to);
        y = Arrays.copyOfRange(my, from, to);
    }

    static SmoothedPath of(List<TrajectorySample> trajectory) {
        List<TrajectorySample> s = new ArrayList<>();
        for (TrajectorySample sample : trajectory) {
            if (!sample.truncated() && Double.isFinite(sample.x()) && Double.isFinite(sample.y())) {
                s.add(sample);
            }
        }
        s.sort(Comparator.comparing(TrajectorySample::at).thenComparingLong(TrajectorySample::frame));
        List<TrajectorySample> distinct = new ArrayList<>();
        for (TrajectorySample sample : s) {
            if (distinct.isEmpty() || sample.at().isAfter(distinct.get(distinct.size() - 1).at())) {
                distinct.add(sample);
            }
        }
        return new SmoothedPath(distinct);
    }

    int size() {
        return t.length;
    }

    long frame(int i) {
        return samples.get(i).frame();
    }

    Instant at(int i) {
        return samples.get(i).at();
    }

    Instant instant(double secondsFromStart) {
        return origin.plusNanos(Math.round(secondsFromStart * 1e9));
    }

    double time(Crossing c) {
        return lerp(t, c);
    }

    static double lerp(double[] v, Crossing c) {
        return v[c.before()] + (v[c.before() + 1] - v[c.before()]) * c.fraction();
    }

    /** The observation nearest in time to {@code seconds}. */
    int nearest(double seconds) {
        int best = 0;
        for (int i = 1; i < t.length; i++) {
            if (Math.abs(t[i] - seconds) < Math.abs(t[best] - seconds)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The smoothed position at an instant, interpolated between the observations around it, or null
     * when the instant is outside the observed span or the observations around it are more than
     * {@code maxGapS} apart (an occlusion is not bridged by guesswork).
     */
    double[] positionAt(Instant when, double maxGapS) {
        if (t.length == 0) {
            return null;
        }
        double s = seconds(Duration.between(origin, when));
        for (int i = 0; i < t.length; i++) {
            if (Math.abs(t[i] - s) < 1e-6) {
                return new double[] {x[i], y[i]};
            }
            if (i + 1 < t.length && t[i] < s && s < t[i + 1]) {
                if (t[i + 1] - t[i] > maxGapS) {
                    return null;
                }
                double f = (s - t[i]) / (t[i + 1] - t[i]);
                return new double[] {x[i] + f * (x[i + 1] - x[i]), y[i] + f * (y[i + 1] - y[i])};
            }
        }
        return null;
    }

    /**
     * Least-squares velocity (m/s, x and y) from the observations within ±{@code halfWindowS} of
     * observation i; NaN when fewer than three observations, or when they span less than 3/4 of
     * the half-window (so one side of the window may be missing: a track's ends, an occlusion).
     */
    double[] velocity(int i, double halfWindowS) {
        double st = 0, sx = 0, sy = 0, stt = 0, stx = 0, sty = 0;
        int n = 0;
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        int from = Arrays.binarySearch(t, t[i] - halfWindowS - 1e-9);
        from = from >= 0 ? from : -from - 1;
        for (int k = from; k < t.length && t[k] - t[i] <= halfWindowS + 1e-9; k++) {
            double dt = t[k] - t[i];
            st += dt;
            sx += x[k];
            sy += y[k];
            stt += dt * dt;
            stx += dt * x[k];
            sty += dt * y[k];
            n++;
            lo = Math.min(lo, dt);
            hi = Math.max(hi, dt);
        }
        double den = n * stt - st * st;
        if (n < 3 || den <= 0 || hi - lo < 0.75 * halfWindowS) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {(n * stx - st * sx) / den, (n * sty - st * sy) / den};
    }

    /**
     * Whether the step into observation k is faster than any vehicle ({@value #MAX_PLAUSIBLE_MPS}
     * m/s): the track has jumped to another object, so no motion may be measured across it.
     */
    boolean jumpsAt(int k) {
        if (k <= 0) {
            return false;
        }
        double dt = Math.max(t[k] - t[k - 1], 1e-3);
        return Math.hypot(x[k] - x[k - 1], y[k] - y[k - 1]) / dt > MAX_PLAUSIBLE_MPS;
    }

    /** Whether the step across a crossing is a plausible motion (not a jump to another object). */
    boolean plausible(Crossing c) {
        return !jumpsAt(c.before() + 1);
    }

    /**
     * Every confirmed change of side of {@code values} about {@code line}: a side is established by
     * {@code confirm} consecutive observations at least {@code margin} beyond the line, and the
     * crossing is placed at the last step across the line itself before the new side was established
     * (a vehicle that idles on the line is judged by the moment it finally left).
     */
    static List<Crossing> crossings(double[] values, double line, double margin, int confirm) {
        List<Crossing> out = new ArrayList<>();
        int side = 0;
        int anchor = -1;
        for (int b = 0; b < values.length; b++) {
            int s = sideOf(values[b], line, margin);
            if (s == 0) {
                continue;
            }
            if (s == side) {
                anchor = b;
                continue;
            }
            if (!established(values, b, line, margin, confirm, s)) {
                continue;
            }
            if (side != 0) {
                for (int i = b - 1; i >= anchor; i--) {
                    boolean onOld = side < 0 ? values[i] < line : values[i] > line;
                    if (onOld) {
                        out.add(new Crossing(i, fraction(values[i], values[i + 1], line), s));
                        break;
                    }
                }
            }
            side = s;
            anchor = b;
        }
        return out;
    }

    /** The first confirmed crossing in the given direction, or null. */
    static Crossing first(List<Crossing> crossings, int direction) {
        for (Crossing c : crossings) {
            if (c.direction() == direction) {
                return c;
            }
        }
        return null;
    }

    private static boolean established(double[] v, int b, double line, double margin, int confirm, int s) {
        if (b + confirm > v.length) {
            return false;
        }
        for (int k = b; k < b + confirm; k++) {
            if (sideOf(v[k], line, margin) != s) {
                return false;
            }
        }
        return true;
    }

    private static int sideOf(double v, double line, double margin) {
        return v <= line - margin ? -1 : v >= line + margin ? 1 : 0;
    }

    static double fraction(double v0, double v1, double line) {
        return v1 == v0 ? 1.0 : Math.max(0, Math.min(1, (line - v0) / (v1 - v0)));
    }

    private static double[] median(double[] raw) {
        int half = MEDIAN_WINDOW / 2;
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int h = Math.min(half, Math.min(i, raw.length - 1 - i));
            double[] w = Arrays.copyOfRange(raw, i - h, i + h + 1);
            Arrays.sort(w);
            out[i] = w[h];
        }
        return out;
    }

    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
