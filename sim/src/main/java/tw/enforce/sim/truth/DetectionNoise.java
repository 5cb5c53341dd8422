package tw.enforce.sim.truth;

/**
 * How far the ground-truth detector departs from the truth: each actor is missed with
 * {@code missProbability}; each box edge moves by a gaussian of {@code jitterPx} standard
 * deviation; a frame gets a spurious box with probability {@code falsePositiveRate} (at most one).
 * Draws depend only on the seed and the frame's time, so reruns and skipped frames change nothing.
 */
public record DetectionNoise(double missProbability, double jitterPx, double falsePositiveRate, long seed) {

    public DetectionNoise {
        if (!(missProbability >= 0 && missProbability <= 1)) {
            throw new IllegalArgumentException("missProbability must be in [0,1], was " + missProbability);
        }
        if (!(jitterPx >= 0)) {
            throw new IllegalArgumentException("jitterPx must be >= 0, was " + jitterPx);
        }
        if (!(falsePositiveRate >= 0 && falsePositiveRate <= 1)) {
            throw new IllegalArgumentException("falsePositiveRate must be in [0,1], was " + falsePositiveRate);
        }
    }

    public static DetectionNoise none() {
        return new DetectionNoise(0, 0, 0, 0);
    }

    /** A detector about as good as a small real model on clear daytime frames. */
    public static DetectionNoise typical(long seed) {
        return new DetectionNoise(0.03, 2.0, 0.01, seed);
    }
}
