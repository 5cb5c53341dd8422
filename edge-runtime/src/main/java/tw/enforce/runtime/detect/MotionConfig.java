package tw.enforce.runtime.detect;

/**
 * Settings of a {@link MotionDetector}.
 *
 * @param history         frames the background model remembers (MOG2 history)
 * @param varThreshold    squared Mahalanobis distance above which a pixel is foreground (MOG2)
 * @param warmupFrames    frames after start during which nothing is reported while the background is learnt
 * @param minAreaFraction smallest blob reported, as a fraction of the frame area
 * @param processWidth    frames wider than this are scaled down to it before subtraction (speed)
 * @param maxForegroundFraction when more of the frame than this changes at once (a cut, a camera
 *                        shake, lights switched, auto-exposure), nothing is reported and the
 *                        background is re-learnt from this frame
 * @param score           the fixed score given to every blob; at or above the tracker's new-track
 *                        score if motion blobs are to start tracks
 */
public record MotionConfig(int history, double varThreshold, int warmupFrames, double minAreaFraction,
                           int processWidth, double maxForegroundFraction, double score) {

    public MotionConfig {
        if (history < 1 || warmupFrames < 0 || processWidth < 32) {
            throw new IllegalArgumentException("motion: history >= 1, warmupFrames >= 0, processWidth >= 32 required, were "
                    + history + ", " + warmupFrames + ", " + processWidth);
        }
        if (!(varThreshold > 0) || !(minAreaFraction > 0 && minAreaFraction < maxForegroundFraction)
                || !(maxForegroundFraction <= 1) || !(score > 0 && score <= 1)) {
            throw new IllegalArgumentException("motion: varThreshold > 0, 0 < minAreaFraction < maxForegroundFraction <= 1,"
                    + " score in (0,1] required, were " + varThreshold + ", " + minAreaFraction + ", "
                    + maxForegroundFraction + ", " + score);
        }
    }

    /**
     * 500-frame history, threshold 16, 25 warm-up frames, blobs ≥ 0.1% of the frame, 640 px wide,
     * re-learn when over 40% of the frame changes, score 0.5.
     */
    public static MotionConfig defaults() {
        return new MotionConfig(500, 16, 25, 0.001, 640, 0.4, 0.5);
    }
}
