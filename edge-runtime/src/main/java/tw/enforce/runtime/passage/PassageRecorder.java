package tw.enforce.runtime.passage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.evidence.ChainLink;
import tw.enforce.runtime.evidence.PassageEvidence;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.geometry.Homography;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.WorldPoint;
import tw.enforce.runtime.rule.TrajectorySample;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.store.StoreException;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.TrackPoint;

/**
 * Records one PASSAGE package per vehicle track that crosses this section unit's line: once the
 * track has been followed {@link #SETTLE} past the crossing (the crossing frames are then still in
 * the ring, and the vehicle has come closer for its plate), or when the track ends, whichever is
 * first. Every vehicle is recorded, plate read or not: the center decides what can be paired.
 * Runs on the pipeline thread.
 */
public final class PassageRecorder {
    private static final Logger log = LoggerFactory.getLogger(PassageRecorder.class);
    /** How long after its crossing a track is still followed before its passage is recorded. */
    static final Duration SETTLE = Duration.ofSeconds(3);
    /** Below violations (5): passages are many and none is a case on its own. */
    static final int PRIORITY = 3;

    private final SectionSettings section;
    private final PassageEvidence evidence;
    private final SqliteEvidenceStore store;
    private final FrameRing ring;
    private final Homography imageToWorld;
    private final int imageHeight;
    private final Set<Long> recorded = new HashSet<>();
    private long passages;

    public PassageRecorder(SectionSettings section, PassageEvidence evidence, SqliteEvidenceStore store, FrameRing ring,
                           Homography imageToWorld, int imageHeight) {
        this.section = section;
        this.evidence = evidence;
        this.store = store;
        this.ring = ring;
        this.imageToWorld = imageToWorld;
        this.imageHeight = imageHeight;
    }

    /** Active tracks after a frame: those settled past the line are recorded now. */
    public void onActive(List<Track> tracks) {
        for (Track t : tracks) {
            if (t.objectClass().isVehicle() && !recorded.contains(t.id())) {
                crossing(t).filter(c -> !Duration.between(c.at(), t.last().at()).minus(SETTLE).isNegative())
                        .ifPresent(c -> record(t, c));
            }
        }
    }

    /** Tracks that ended: each one that crossed and was not recorded yet is recorded now. */
    public void onFinished(List<Track> tracks) {
        for (Track t : tracks) {
            boolean done = recorded.remove(t.id());
            if (t.objectClass().isVehicle() && !done) {
                crossing(t).ifPresent(c -> record(t, c));
                recorded.remove(t.id());
            }
        }
    }

    public long passagesRecorded() {
        return passages;
    }

    private Optional<LineCrossing.Crossing> crossing(Track t) {
        List<TrajectorySample> samples = new ArrayList<>();
        for (TrackPoint p : t.points()) {
            WorldPoint g = p.ground() != null ? p.ground()
                    : imageToWorld.toWorld(new ImagePoint(p.box().groundX(), p.box().groundY()));
            samples.add(new TrajectorySample(p.frameSequence(), p.at(), p.box().groundX(), p.box().groundY(),
                    g.x(), g.y(), p.box().y2() >= imageHeight - 1));
        }
        return LineCrossing.find(samples, section.lineY());
    }

    private void record(Track t, LineCrossing.Crossing c) {
        recorded.add(t.id());
        Map<Long, BoundingBox> boxes = new HashMap<>();
        for (TrackPoint p : t.points()) {
            boxes.put(p.frameSequence(), p.box());
        }
        Function<ChainLink, SignedPackage> seal = evidence.prepare(t.id(), t.objectClass(), boxes, c, ring);
        try {
            SignedPackage p = store.store(seal, PRIORITY);
            passages++;
            log.info("track {} passed section {} line ({}) at {}: package {}", t.id(), section.sectionId(),
                    section.role(), c.at(), p.packageId());
        } catch (StoreException e) {
            log.error("track {}: passage of section {} not stored: {}", t.id(), section.sectionId(), e.getMessage(), e);
        }
    }
}
