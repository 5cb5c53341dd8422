package tw.enforce.runtime.evidence.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.enforce.runtime.detect.Detection;

/**
 * The detections of the last frames, by frame sequence, so that evidence assembled seconds later
 * can mask the bystanders of the very frame it shows. Keep it as long as the frame ring (capacity in
 * frames = ring seconds × fps). Pipeline thread only.
 */
public final class FrameDetections {
    private final Map<Long, List<Detection>> bySequence;

    public FrameDetections(int capacityFrames) {
        if (capacityFrames <= 0) {
            throw new IllegalArgumentException("FrameDetections capacity must be positive, got " + capacityFrames);
        }
        this.bySequence = new LinkedHashMap<>(capacityFrames * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, List<Detection>> eldest) {
                return size() > capacityFrames;
            }
        };
    }

    public void record(long frameSequence, List<Detection> detections) {
        bySequence.put(frameSequence, List.copyOf(detections));
    }

    /** What was detected in that frame; empty when it was never recorded or has been forgotten. */
    public List<Detection> of(long frameSequence) {
        return bySequence.getOrDefault(frameSequence, List.of());
    }

    public int size() {
        return bySequence.size();
    }
}
