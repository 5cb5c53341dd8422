package tw.enforce.runtime.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;

class BoxKalmanTest {

    @Test
    void learnsAConstantVelocityFromJitteryBoxesAndPredictsAhead() {
        Random jitter = new Random(5);
        BoxKalman k = new BoxKalman(box(100, 0));
        for (int f = 1; f <= 30; f++) {
            k.update(box(100 + 12 * f, jitter.nextGaussian() * 2), 1);
        }
        BoundingBox ahead = k.predicted(5);
        assertEquals(100 + 12 * 35, ahead.centerX(), 6, "5 frames ahead at 12 px/frame: " + ahead);
        assertEquals(80, ahead.width(), 4);
        assertEquals(40, ahead.height(), 2);
    }

    @Test
    void aCarHiddenForEightFramesKeepsItsIdWhenItReappearsFurtherOn() {
        IouTracker tracker = new IouTracker(new TrackerConfig(0.5, 0.1, 0.5, 0.2, 0.5, 3, 10, 0.7, 0.5, 100));
        long id = -1;
        for (int f = 0; f < 40; f++) {
            boolean hidden = f >= 15 && f < 23; // behind a bus: 8 frames, ~1.2 box widths of travel
            List<Detection> dets = hidden ? List.of()
                    : List.of(new Detection(box(100 + 12 * f, 0), ObjectClass.CAR, 0.9));
            List<Track> live = tracker.update(f, Instant.ofEpochMilli(f * 80L), dets);
            if (f == 10) {
                id = live.get(0).id();
            }
            if (f > 23) {
                assertEquals(1, live.size(), "frame " + f + ": " + live);
                assertEquals(id, live.get(0).id(), "frame " + f);
                assertTrue(live.get(0).status() == TrackStatus.CONFIRMED);
            }
        }
    }

    private static BoundingBox box(double cx, double dy) {
        return new BoundingBox(cx - 40, 200 + dy - 20, cx + 40, 200 + dy + 20);
    }
}
