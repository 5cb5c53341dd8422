package tw.enforce.runtime.detect;

import java.util.List;
import tw.enforce.camera.Frame;

/**
 * Skips the model on still frames: OpenCV background subtraction ({@link MotionDetector}) runs on
 * every frame, and the model only when something moved, when the background subtractor cannot
 * judge the frame (still learning, or re-learning after a shake or a light change), or when
 * {@code refreshEvery} frames have passed since its last run. On a still frame the model's last detections are returned, so a
 * vehicle that stopped (at the stop line, on red) stays detected, tracked and plate-read.
 *
 * <p>Stateful and not thread-safe: one per camera, fed every frame in order. Closing closes both.
 */
public final class MotionGatedDetector implements Detector {
    private final MotionDetector motion;
    private final Detector model;
    private final int refreshEvery;
    private List<Detection> last = List.of();
    private long sinceModel = Long.MAX_VALUE / 2;
    private long skipped;
    private long ran;

    public MotionGatedDetector(MotionDetector motion, Detector model, int refreshEvery) {
        if (refreshEvery < 1) {
            throw new IllegalArgumentException("refreshEvery must be at least 1 frame, was " + refreshEvery);
        }
        this.motion = motion;
        this.model = model;
        this.refreshEvery = refreshEvery;
    }

    @Override
    public List<Detection> detect(Frame frame) throws DetectorException {
        boolean moved = !motion.detect(frame).isEmpty() || motion.lastFrameBlind();
        sinceModel++;
        if (moved || sinceModel >= refreshEvery) {
            last = model.detect(frame);
            sinceModel = 0;
            ran++;
        } else {
            skipped++;
        }
        return last;
    }

    public int refreshEvery() {
        return refreshEvery;
    }

    /** The gated model, for callers that must bypass the gate (benchmarks). */
    public Detector model() {
        return model;
    }

    /** Frames on which the model was not run. */
    public long skippedFrames() {
        return skipped;
    }

    public long modelFrames() {
        return ran;
    }

    @Override
    public String description() {
        return model.description() + " gated by " + motion.description();
    }

    @Override
    public void close() {
        motion.close();
        model.close();
    }
}
