package tw.enforce.runtime.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.frame.KeyframePins;
import tw.enforce.runtime.rule.TrajectorySample;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.TrackPoint;

/**
 * Keeps frames of vehicles that stand still longer than the ring holds: once a track has stayed
 * within {@value #STAND_RADIUS_M} m for {@link #STAND_FOR}, the ring frame where it came to rest is
 * pinned, then its current frame every pin interval while it stays within that radius of where the
 * stand was found (checked in constant time; the walk back runs once per stand). The rules stay pure: a rule
 * names the frames it wants and evidence assembly takes the nearest one kept.
 */
final class StandingPins {
    static final Duration STAND_FOR = Duration.ofSeconds(2);
    /** Looser than any standing speed a rule uses, so a stand a rule sees has its start kept. */
    static final double STAND_RADIUS_M = 1.0;

    private final TrackViews views;
    private final FrameRing ring;
    private final KeyframePins pins;
    /** Where each track stood when its stand was found: while it stays there, no walk back is needed. */
    private final Map<Long, TrajectorySample> standingAt = new HashMap<>();

    StandingPins(TrackViews views, FrameRing ring, KeyframePins pins) {
        this.views = views;
        this.ring = ring;
        this.pins = pins;
    }

    void observe(Track t) {
        List<TrackPoint> points = t.points();
        TrajectorySample last = views.sample(t.last());
        if (last.truncated()) {
            return;
        }
        TrajectorySample anchor = standingAt.get(t.id());
        if (anchor != null) {
            if (Math.hypot(anchor.x() - last.x(), anchor.y() - last.y()) <= STAND_RADIUS_M) {
                ring.find(t.last().frameSequence()).ifPresent(f -> pins.offer(t.id(), f));
                return;
            }
            standingAt.remove(t.id());
        }
        int k = points.size() - 1;
        while (k > 0) {
            TrajectorySample s = views.sample(points.get(k - 1));
            if (s.truncated() || Math.hypot(s.x() - last.x(), s.y() - last.y()) > STAND_RADIUS_M) {
                break;
            }
            k--;
        }
        if (Duration.between(points.get(k).at(), last.at()).compareTo(STAND_FOR) < 0) {
            return;
        }
        for (int i = k; i < points.size(); i++) {
            var start = ring.find(points.get(i).frameSequence());
            if (start.isPresent()) {
                pins.offer(t.id(), start.get());
                break;
            }
        }
        standingAt.put(t.id(), last);
        ring.find(t.last().frameSequence()).ifPresent(f -> pins.offer(t.id(), f));
    }

    void release(long trackId) {
        standingAt.remove(trackId);
        pins.release(trackId);
    }
}
