package tw.enforce.runtime.track;

import java.time.Instant;
import java.util.Objects;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.geometry.WorldPoint;

/**
 * One observation of a tracked object: the detection's box and score in frame {@code frameSequence}
 * captured at {@code at}, and where it touches the road in site metres ({@code ground}: the image→world
 * homography applied to the box's bottom centre; null when the tracker has no homography).
 */
public record TrackPoint(long frameSequence, Instant at, BoundingBox box, double score, WorldPoint ground) {
    public TrackPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(box, "box");
    }
}
