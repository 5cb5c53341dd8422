package tw.enforce.runtime.track;

/**
 * Thresholds of the {@link IouTracker}.
 *
 * @param highScore          detections at or above it are associated first, with every live track
 * @param lowScore           detections in [lowScore, highScore) may only extend confirmed or lost tracks; below are ignored
 * @param newTrackScore      an unmatched detection at or above it starts a tentative track
 * @param matchIou           least IoU between a track's predicted box and a high-score detection
 * @param lowMatchIou        least IoU for a low-score detection (stricter: they are less trustworthy, and they may
 *                           pick up a lost track, whose prediction is older)
 * @param minHits            observations before a track is confirmed and reported
 * @param maxMissed          updates a confirmed track may go unseen before it is finished
 * @param duplicateIou       two vehicle (or two person) detections overlapping more than this are one
 *                           object seen as two classes: the lower-scored one is dropped
 * @param velocitySmoothing  weight of the newest velocity measurement, in (0,1]
 * @param maxPoints          points kept per track (the first and the most recent), at least 2
 */
public record TrackerConfig(double highScore, double lowScore, double newTrackScore, double matchIou,
                            double lowMatchIou, int minHits, int maxMissed, double duplicateIou,
                            double velocitySmoothing, int maxPoints) {

    public TrackerConfig {
        check(lowScore >= 0 && lowScore <= highScore && highScore <= 1, "0 <= lowScore <= highScore <= 1", lowScore, highScore);
        check(newTrackScore >= 0 && newTrackScore <= 1, "newTrackScore in [0,1]", newTrackScore);
        check(matchIou > 0 && matchIou <= 1 && lowMatchIou > 0 && lowMatchIou <= 1, "match IoUs in (0,1]", matchIou, lowMatchIou);
        check(minHits >= 1 && maxMissed >= 0 && maxPoints >= 2, "minHits >= 1, maxMissed >= 0, maxPoints >= 2",
                minHits, maxMissed, maxPoints);
        check(duplicateIou > 0 && duplicateIou <= 1, "duplicateIou in (0,1]", duplicateIou);
        check(velocitySmoothing > 0 && velocitySmoothing <= 1, "velocitySmoothing in (0,1]", velocitySmoothing);
    }

    /**
     * ByteTrack's usual values: high 0.5, low 0.1, new tracks from 0.5 (so the motion detector's 0.5
     * blobs can start tracks), IoU 0.2 / 0.5, confirmed after 3 hits, ended after 30 missed frames.
     */
    public static TrackerConfig defaults() {
        return new TrackerConfig(0.5, 0.1, 0.5, 0.2, 0.5, 3, 30, 0.7, 0.5, 3000);
    }

    private static void check(boolean ok, String rule, Object... values) {
        if (!ok) {
            throw new IllegalArgumentException("tracker config: " + rule + " required, got " + java.util.Arrays.toString(values));
        }
    }
}
