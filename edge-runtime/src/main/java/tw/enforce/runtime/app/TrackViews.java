package tw.enforce.runtime.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.enforce.runtime.config.SiteConfigLoader.LoadedSite;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.WorldPoint;
import tw.enforce.runtime.rule.TrackView;
import tw.enforce.runtime.rule.TrajectorySample;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.TrackPoint;

/** Turns tracker tracks into what the rules see: ground points in site metres, boxes cut by the image bottom marked. */
final class TrackViews {
    private final LoadedSite site;

    TrackViews(LoadedSite site) {
        this.site = site;
    }

    List<TrajectorySample> samples(Track t) {
        List<TrajectorySample> samples = new ArrayList<>(t.points().size());
        for (TrackPoint p : t.points()) {
            samples.add(sample(p));
        }
        return samples;
    }

    TrajectorySample sample(TrackPoint p) {
        WorldPoint g = p.ground() != null ? p.ground()
                : site.imageToWorld().toWorld(new ImagePoint(p.box().groundX(), p.box().groundY()));
        return new TrajectorySample(p.frameSequence(), p.at(), p.box().groundX(), p.box().groundY(),
                g.x(), g.y(), truncated(p.box()));
    }

    /** The track's majority class with the share of its detections that agreed and every class's votes. */
    TrackView view(Track t) {
        Map<String, Integer> votes = new HashMap<>();
        t.classVotes().forEach((c, n) -> votes.put(c.name(), n));
        return new TrackView(t.id(), t.objectClass().name(), t.classAgreement(), votes, samples(t));
    }

    static Map<Long, BoundingBox> boxes(Track t) {
        Map<Long, BoundingBox> boxes = new HashMap<>();
        for (TrackPoint p : t.points()) {
            boxes.put(p.frameSequence(), p.box());
        }
        return boxes;
    }

    boolean truncated(BoundingBox b) {
        // a box cut by the bottom no longer ends where the vehicle meets the road; one cut at a side
        // still does (its bottom edge is intact), it only shifts the lateral position a little
        return b.y2() >= site.config().camera().height() - 1;
    }
}
