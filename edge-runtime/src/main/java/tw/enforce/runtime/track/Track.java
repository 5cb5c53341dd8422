package tw.enforce.runtime.track;

import java.util.List;
import java.util.Objects;
import tw.enforce.runtime.detect.ObjectClass;

/**
 * An immutable snapshot of one object followed across frames: a stable id, the class most of its
 * detections had, its status and its observed points, oldest first. Points are observations only,
 * never predictions. Very long tracks keep their first point and the most recent ones.
 */
public record Track(long id, ObjectClass objectClass, TrackStatus status, List<TrackPoint> points) {

    public Track {
        Objects.requireNonNull(objectClass, "objectClass");
        Objects.requireNonNull(status, "status");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("track " + id + " has no points");
        }
    }

    public TrackPoint first() {
        return points.get(0);
    }

    public TrackPoint last() {
        return points.get(points.size() - 1);
    }
}
