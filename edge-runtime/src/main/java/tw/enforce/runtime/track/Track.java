package tw.enforce.runtime.track;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tw.enforce.runtime.detect.ObjectClass;

/**
 * An immutable snapshot of one object followed across frames: a stable id, the class most of its
 * detections had, its status and its observed points, oldest first. Points are observations only,
 * never predictions. Very long tracks keep their first point and the most recent ones; the class
 * votes count every detection of the track at or above the tracker's high score (low-score ones
 * only move it), also those whose points were dropped.
 */
public record Track(long id, ObjectClass objectClass, TrackStatus status, List<TrackPoint> points,
                    Map<ObjectClass, Integer> classVotes) {

    public Track {
        Objects.requireNonNull(objectClass, "objectClass");
        Objects.requireNonNull(status, "status");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("track " + id + " has no points");
        }
        classVotes = classVotes == null || classVotes.isEmpty()
                ? Map.of(objectClass, points.size()) : Map.copyOf(classVotes);
        if (classVotes.values().stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("track " + id + " has a negative class vote: " + classVotes);
        }
    }

    /** A track whose every observation agreed on {@code objectClass}. */
    public Track(long id, ObjectClass objectClass, TrackStatus status, List<TrackPoint> points) {
        this(id, objectClass, status, points, null);
    }

    /** The share of the class votes that went to {@link #objectClass()}, 0..1. */
    public double classAgreement() {
        int total = classVotes.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : classVotes.getOrDefault(objectClass, 0) / (double) total;
    }

    public TrackPoint first() {
        return points.get(0);
    }

    public TrackPoint last() {
        return points.get(points.size() - 1);
    }
}
