package tw.enforce.runtime.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/** Synthetic trajectories for rule tests: a motion x(t), y(t) observed at a frame rate, with seeded noise and gaps. */
final class Paths {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    private final DoubleUnaryOperator x;
    private final DoubleUnaryOperator y;
    private double fps = 15;
    private double sigma;
    private long seed = 1;
    private double outlierRate;
    private final List<double[]> gaps = new ArrayList<>();

    private Paths(DoubleUnaryOperator x, DoubleUnaryOperator y) {
        this.x = x;
        this.y = y;
    }

    static Paths of(DoubleUnaryOperator x, DoubleUnaryOperator y) {
        return new Paths(x, y);
    }

    /** Straight along +y at a speed (km/h), lane position x, front at y0 at t = 0. */
    static Paths straight(double x, double y0, double speedKmh) {
        return new Paths(t -> x, t -> y0 + speedKmh / 3.6 * t);
    }

    Paths fps(double f) {
        this.fps = f;
        return this;
    }

    /** Gaussian noise of this standard deviation (metres) on x and y of every observation. */
    Paths jitter(double sigmaM, long s) {
        this.sigma = sigmaM;
        this.seed = s;
        return this;
    }

    /** A share of observations replaced by a wild ground point up to 3 m away. */
    Paths outliers(double rate) {
        this.outlierRate = rate;
        return this;
    }

    /** No observations in [from, to) seconds (occlusion). */
    Paths gap(double from, double to) {
        gaps.add(new double[] {from, to});
        return this;
    }

    List<TrajectorySample> observe(double from, double to) {
        Random r = new Random(seed);
        List<TrajectorySample> out = new ArrayList<>();
        long frame = Math.round(from * fps);
        for (long k = frame; k / fps <= to + 1e-9; k++) {
            double t = k / fps;
            double nx = r.nextGaussian() * sigma;
            double ny = r.nextGaussian() * sigma;
            if (outlierRate > 0 && r.nextDouble() < outlierRate) {
                nx += (r.nextDouble() * 2 - 1) * 3;
                ny += (r.nextDouble() * 2 - 1) * 3;
            }
            if (gaps.stream().anyMatch(g -> t >= g[0] && t < g[1])) {
                continue;
            }
            out.add(new TrajectorySample(k, at(t), 640, 400, x.applyAsDouble(t) + nx, y.applyAsDouble(t) + ny, false));
        }
        return out;
    }

    static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }

    static double secondsOf(Instant t) {
        return SmoothedPath.seconds(java.time.Duration.between(T0, t));
    }

    /** A piecewise-linear function through (t, value) knots, constant outside them. */
    static DoubleUnaryOperator knots(double... tv) {
        return t -> {
            if (t <= tv[0]) {
                return tv[1];
            }
            for (int i = 2; i < tv.length; i += 2) {
                if (t <= tv[i]) {
                    double f = (t - tv[i - 2]) / (tv[i] - tv[i - 2]);
                    return tv[i - 1] + f * (tv[i + 1] - tv[i - 1]);
                }
            }
            return tv[tv.length - 1];
        };
    }
}
