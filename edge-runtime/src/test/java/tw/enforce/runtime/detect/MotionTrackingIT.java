package tw.enforce.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.track.IouTracker;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.TrackerConfig;

/** The model-free path end to end on real footage: MOG2 blobs into the IoU tracker. */
class MotionTrackingIT {

    @Test
    void carDrivingThroughTheRoadVideoIsTrackedAcrossTheFrame() throws Exception {
        List<Frame> frames = TestFrames.video(SharedData.require("data/video/car-detection-mjpeg.avi"), 1, 240);
        IouTracker tracker = new IouTracker(TrackerConfig.defaults());
        try (MotionDetector motion = new MotionDetector(MotionConfig.defaults())) {
            for (Frame f : frames) {
                tracker.update(f.sequence(), f.capturedAt(), motion.detect(f));
            }
        }
        tracker.finishAll();
        List<Track> tracks = tracker.drainFinished();

        // the video's cars drive top to bottom or bottom to top through the 432 px high frame
        assertTrue(tracks.stream().anyMatch(t -> t.objectClass().isVehicle() && t.points().size() >= 10
                        && Math.abs(t.last().box().centerY() - t.first().box().centerY()) > 150),
                "no vehicle track crossing the frame among " + tracks.size() + " tracks");
    }
}
