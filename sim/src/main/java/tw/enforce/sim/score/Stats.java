package tw.enforce.sim.score;

import java.util.ArrayList;
import java.util.List;

/** Mean, 95th percentile (nearest rank) and maximum of a list; NaN for an empty one. */
public final class Stats {
    private Stats() {
    }

    public static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    public static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    public static double p95(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(Double::compare);
        return s.get((int) Math.min(s.size() - 1, Math.ceil(0.95 * s.size()) - 1));
    }
}
