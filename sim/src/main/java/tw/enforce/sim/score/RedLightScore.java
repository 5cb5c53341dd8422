package tw.enforce.sim.score;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tw.enforce.sim.truth.GroundTruth;
import tw.enforce.sim.truth.VehicleTruth;

/**
 * Red-light decisions against ground truth. The unit knows no actor ids, so a case is matched to
 * the true violator whose front crossed the stop line nearest in time (within {@link #MATCH_WINDOW_S}),
 * each violator at most once; unmatched cases are false positives, unmatched violators misses.
 */
public record RedLightScore(List<Match> matches, List<DecidedCase> falsePositives, List<VehicleTruth> missed) {
    public static final double MATCH_WINDOW_S = 0.5;

    public record Match(VehicleTruth truth, DecidedCase decided, double timeIntoRedErrorSeconds) {
    }

    public static RedLightScore of(GroundTruth truth, Instant epoch, List<DecidedCase> cases) {
        List<VehicleTruth> open = new ArrayList<>(truth.violators());
        List<Match> matches = new ArrayList<>();
        List<DecidedCase> fps = new ArrayList<>();
        List<DecidedCase> sorted = new ArrayList<>(cases);
        sorted.sort(Comparator.comparing(DecidedCase::stopLineCrossing));
        for (DecidedCase c : sorted) {
            double t = seconds(epoch, c.stopLineCrossing());
            VehicleTruth best = null;
            for (VehicleTruth v : open) {
                double d = Math.abs(v.stopLineSeconds() - t);
                if (d <= MATCH_WINDOW_S && (best == null || d < Math.abs(best.stopLineSeconds() - t))) {
                    best = v;
                }
            }
            if (best == null) {
                fps.add(c);
            } else {
                open.remove(best);
                matches.add(new Match(best, c, c.timeIntoRedSeconds() - best.timeIntoRedSeconds()));
            }
        }
        return new RedLightScore(List.copyOf(matches), List.copyOf(fps), List.copyOf(open));
    }

    public double precision() {
        int n = matches.size() + falsePositives.size();
        return n == 0 ? 1.0 : (double) matches.size() / n;
    }

    public double recall() {
        int n = matches.size() + missed.size();
        return n == 0 ? 1.0 : (double) matches.size() / n;
    }

    /** Exactly the true violators, no more, no less. */
    public boolean exact() {
        return falsePositives.isEmpty() && missed.isEmpty();
    }

    public double maxTimeIntoRedErrorSeconds() {
        return matches.stream().mapToDouble(m -> Math.abs(m.timeIntoRedErrorSeconds())).max().orElse(0);
    }

    private static double seconds(Instant epoch, Instant t) {
        Duration d = Duration.between(epoch, t);
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
