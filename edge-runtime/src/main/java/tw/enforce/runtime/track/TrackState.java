package tw.enforce.runtime.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.geometry.WorldPoint;

/** The mutable side of one track inside {@link IouTracker}: motion model, class votes, counters. */
final class TrackState {
    final long id;
    final boolean vehicle;
    TrackStatus status = TrackStatus.TENTATIVE;
    int hits;
    int misses;

    private final List<TrackPoint> points = new ArrayList<>();
    private final Map<ObjectClass, int[]> votes = new EnumMap<>(ObjectClass.class);
    private ObjectClass current;
    private final int maxPoints;
    private final double voteScore;
    private final double smoothing;
    private double cx, cy, w, h;      // last observed box
    private double vx, vy, vw, vh;    // per frame-sequence step
    private boolean hasVelocity;
    private long lastSequence;
    private final BoxKalman kalman;

    /**
     * @param voteScore detections below it move the track but do not vote on its class: a detector
     *                  unsure whether something is there at all is no witness to what it is
     */
    TrackState(long id, Detection d, TrackPoint first, int maxPoints, double smoothing, boolean kalman, double voteScore) {
        this.id = id;
        this.voteScore = voteScore;
        this.kalman = kalman ? new BoxKalman(d.box()) : null;
        this.vehicle = d.objectClass().isVehicle();
        this.maxPoints = maxPoints;
        this.smoothing = smoothing;
        setBox(d.box());
        lastSequence = first.frameSequence();
        record(d, first);
    }

    /** The box extrapolated at constant velocity to {@code sequence}. */
    BoundingBox predict(long sequence) {
        double dt = sequence - lastSequence;
        if (kalman != null) {
            return kalman.predicted(dt);
        }
        double pw = Math.max(1, w + vw * dt);
        double ph = Math.max(1, h + vh * dt);
        double px = cx + vx * dt;
        double py = cy + vy * dt;
        return new BoundingBox(px - pw / 2, py - ph / 2, px + pw / 2, py + ph / 2);
    }

    void observe(Detection d, TrackPoint p) {
        double dt = p.frameSequence() - lastSequence;
        BoundingBox b = d.box();
        if (kalman != null) {
            kalman.update(b, dt);
        }
        double mx = (b.centerX() - cx) / dt, my = (b.centerY() - cy) / dt;
        double mw = (b.width() - w) / dt, mh = (b.height() - h) / dt;
        double a = hasVelocity ? smoothing : 1.0;
        vx += a * (mx - vx);
        vy += a * (my - vy);
        vw += a * (mw - vw);
        vh += a * (mh - vh);
        hasVelocity = true;
        setBox(b);
        lastSequence = p.frameSequence();
        record(d, p);
    }

    private void setBox(BoundingBox b) {
        cx = b.centerX();
        cy = b.centerY();
        w = b.width();
        h = b.height();
    }

    private void record(Detection d, TrackPoint p) {
        if (points.size() >= maxPoints) {
            points.remove(1); // keep where the object was first seen
        }
        points.add(p);
        if (d.score() < voteScore && current != null) {
            return;
        }
        int n = ++votes.computeIfAbsent(d.objectClass(), k -> new int[1])[0];
        // a tie keeps the class held so far, so the reported class does not flicker between two
        if (current == null || n > votes.get(current)[0]) {
            current = d.objectClass();
        }
    }

    /** Majority of the votes; a tie keeps the class the track already had. */
    ObjectClass objectClass() {
        return current;
    }

    Track snapshot() {
        Map<ObjectClass, Integer> counts = new EnumMap<>(ObjectClass.class);
        votes.forEach((c, n) -> counts.put(c, n[0]));
        return new Track(id, current, status, points, counts);
    }

    boolean accepts(Detection d) {
        return d.objectClass().isVehicle() == vehicle;
    }

    Instant lastSeen() {
        return points.get(points.size() - 1).at();
    }
}
