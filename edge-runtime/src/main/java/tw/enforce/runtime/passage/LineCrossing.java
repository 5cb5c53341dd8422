package tw.enforce.runtime.passage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tw.enforce.runtime.rule.TrajectorySample;

/**
 * When a vehicle's front crossed a line of constant y travelling +y: a pure function of its
 * trajectory. Truncated observations are left out (their ground point is not the vehicle's), each y
 * is the median of it and its neighbours (one wild ground point cannot fake a crossing), the
 * crossing is the last passage from before the line to on or past it, and its time is interpolated
 * between the two observations around the line, so it is not quantised to frames.
 */
public final class LineCrossing {
    private LineCrossing() {
    }

    /** The crossing: when, where across the road, the frames just before and just after the line. */
    public record Crossing(Instant at, double x, long frameBefore, long frameAfter) {
    }

    public static Optional<Crossing> find(List<TrajectorySample> trajectory, double lineY) {
        List<TrajectorySample> s = new ArrayList<>();
        for (TrajectorySample t : trajectory) {
            if (!t.truncated()) {
                s.add(t);
            }
        }
        s.sort(Comparator.comparing(TrajectorySample::at));
        if (s.size() < 2) {
            return Optional.empty();
        }
        double[] y = medianOf3(s);
        int before = -1;
        for (int i = 0; i + 1 < s.size(); i++) {
            if (y[i] < lineY && y[i + 1] >= lineY) {
                before = i;
            }
        }
        if (before < 0) {
            return Optional.empty();
        }
        TrajectorySample a = s.get(before);
        TrajectorySample b = s.get(before + 1);
        double f = y[before + 1] == y[before] ? 1.0 : Math.max(0, Math.min(1, (lineY - y[before]) / (y[before + 1] - y[before])));
        long nanos = Duration.between(a.at(), b.at()).toNanos();
        return Optional.of(new Crossing(a.at().plusNanos(Math.round(nanos * f)), a.x() + (b.x() - a.x()) * f,
                a.frame(), b.frame()));
    }

    private static double[] medianOf3(List<TrajectorySample> s) {
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
}
