package tw.enforce.runtime.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.geometry.Homography;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.WorldPoint;

/**
 * ByteTrack-style. Each track predicts its box with ByteTrack's Kalman filter (or, if asked, at a
 * smoothed constant velocity); detections are associated by
 * IoU with the predictions, greedily from the best overlap down, in two stages: high-score
 * detections with every live track first, then low-score detections with the confirmed and lost
 * tracks still unmatched (that keeps a track alive through partial occlusion or a dark scene, when
 * the detector's score drops and flickers; unlike ByteTrack a lost track may be picked up again by a
 * low-score box too, still under the stricter {@code lowMatchIou}, so one missed frame does not
 * leave a standing car to die on boxes the detector keeps finding at 0.3). The first stage does not
 * give a track a high-score box that fits it worse (IoU × score) than a low-score box it could take
 * in the second: that box belongs to a neighbour overlapping the track, not to the tracked object.
 * Unmatched high-score detections start tentative tracks, confirmed after
 * {@code minHits} observations; a tentative track that misses a frame is dropped, a confirmed one
 * becomes LOST and is FINISHED after {@code maxMissed} missed updates. Vehicles and persons are
 * never associated with each other; among vehicles the class may change and is decided by vote.
 *
 * <p>Not thread-safe; one per camera.
 */
public final class IouTracker implements Tracker {
    private static final Logger log = LoggerFactory.getLogger(IouTracker.class);

    private final TrackerConfig config;
    private final Homography imageToWorld;
    private final Motion motion;

    /** How a track predicts its next box. */
    public enum Motion {
        /** ByteTrack's Kalman filter on centre, aspect and height (the default). */
        KALMAN,
        /** Last box moved by the exponentially smoothed velocity ({@code velocitySmoothing}). */
        CONSTANT_VELOCITY
    }
    private final List<TrackState> live = new ArrayList<>();
    private final List<Track> finished = new ArrayList<>();
    private long nextId = 1;
    private long lastSequence = Long.MIN_VALUE;

    public IouTracker(TrackerConfig config) {
        this(config, null);
    }

    /** @param imageToWorld maps image pixels to road metres for {@link TrackPoint#ground()}; may be null */
    public IouTracker(TrackerConfig config, Homography imageToWorld) {
        this(config, imageToWorld, Motion.KALMAN);
    }

    public IouTracker(TrackerConfig config, Homography imageToWorld, Motion motion) {
        this.config = Objects.requireNonNull(config, "config");
        this.imageToWorld = imageToWorld;
        this.motion = Objects.requireNonNull(motion, "motion");
    }

    @Override
    public List<Track> update(long frameSequence, Instant at, List<Detection> detections) {
        if (frameSequence <= lastSequence) {
            throw new IllegalArgumentException("tracker: frame sequence " + frameSequence
                    + " does not follow " + lastSequence);
        }
        lastSequence = frameSequence;
        List<Detection> dets = withoutDuplicates(detections);
        List<Detection> high = new ArrayList<>();
        List<Detection> low = new ArrayList<>();
        for (Detection d : dets) {
            if (d.score() >= config.highScore()) {
                high.add(d);
            } else if (d.score() >= config.lowScore()) {
                low.add(d);
            }
        }
        List<BoundingBox> predicted = live.stream().map(t -> t.predict(frameSequence)).toList();
        boolean[] trackMatched = new boolean[live.size()];

        double[] lowAffinity = bestLowAffinity(low, predicted);
        boolean[] highUsed = associate(high, live, predicted, trackMatched, config.matchIou(), lowAffinity, false, frameSequence, at);
        associate(low, live, predicted, trackMatched, config.lowMatchIou(), new double[live.size()], true, frameSequence, at);

        List<TrackState> survivors = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            TrackState t = live.get(i);
            if (!trackMatched[i] && !miss(t)) {
                continue;
            }
            survivors.add(t);
        }
        live.clear();
        live.addAll(survivors);
        for (int j = 0; j < high.size(); j++) {
            if (!highUsed[j] && high.get(j).score() >= config.newTrackScore()) {
                TrackState t = new TrackState(nextId++, high.get(j), point(high.get(j), frameSequence, at),
                        config.maxPoints(), config.velocitySmoothing(), motion == Motion.KALMAN, config.highScore());
                t.hits = 1;
                if (t.hits >= config.minHits()) {
                    t.status = TrackStatus.CONFIRMED;
                }
                live.add(t);
            }
        }
        return active();
    }

    /**
     * Per track, the best IoU × score among the low-score detections it could take in the second stage.
     * A high-score detection that fits the track worse than that belongs to another object (typically a
     * neighbour passing in front of a standing vehicle whose own detection dropped below the high score):
     * the first stage must not hand it to this track.
     */
    private double[] bestLowAffinity(List<Detection> low, List<BoundingBox> predicted) {
        double[] best = new double[live.size()];
        for (int i = 0; i < live.size(); i++) {
            TrackState t = live.get(i);
            if (t.status == TrackStatus.TENTATIVE) {
                continue;
            }
            for (Detection d : low) {
                double iou = predicted.get(i).iou(d.box());
                if (iou >= config.lowMatchIou() && t.accepts(d)) {
                    best[i] = Math.max(best[i], iou * d.score());
                }
            }
        }
        return best;
    }

    /** Greedy IoU matching of detections to unmatched tracks; returns which detections were used. */
    private boolean[] associate(List<Detection> dets, List<TrackState> tracks, List<BoundingBox> predicted,
                                boolean[] trackMatched, double minIou, double[] minAffinity, boolean skipTentative,
                                long seq, Instant at) {
        List<double[]> pairs = new ArrayList<>(); // {iou, track, detection}
        for (int i = 0; i < tracks.size(); i++) {
            TrackState t = tracks.get(i);
            if (trackMatched[i] || (skipTentative && t.status == TrackStatus.TENTATIVE)) {
                continue;
            }
            for (int j = 0; j < dets.size(); j++) {
                double iou = predicted.get(i).iou(dets.get(j).box());
                if (iou >= minIou && iou * dets.get(j).score() >= minAffinity[i] && t.accepts(dets.get(j))) {
                    pairs.add(new double[] {iou, i, j});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((double[] p) -> p[0]).reversed());
        boolean[] used = new boolean[dets.size()];
        for (double[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (!trackMatched[i] && !used[j]) {
                trackMatched[i] = true;
                used[j] = true;
                hit(tracks.get(i), dets.get(j), seq, at);
            }
        }
        return used;
    }

    private void hit(TrackState t, Detection d, long seq, Instant at) {
        t.observe(d, point(d, seq, at));
        t.hits++;
        t.misses = 0;
        if (t.status == TrackStatus.LOST || (t.status == TrackStatus.TENTATIVE && t.hits >= config.minHits())) {
            t.status = TrackStatus.CONFIRMED;
        }
    }

    /** Counts a miss; returns false when the track is gone (dropped or finished). */
    private boolean miss(TrackState t) {
        t.misses++;
        if (t.status == TrackStatus.TENTATIVE) {
            return false;
        }
        if (t.misses > config.maxMissed()) {
            finish(t);
            return false;
        }
        t.status = TrackStatus.LOST;
        return true;
    }

    private void finish(TrackState t) {
        t.status = TrackStatus.FINISHED;
        Track done = t.snapshot();
        finished.add(done);
        log.debug("track {} ({}) finished after {} points, last seen {}", t.id, done.objectClass(),
                done.points().size(), t.lastSeen());
    }

    private TrackPoint point(Detection d, long seq, Instant at) {
        WorldPoint ground = null;
        if (imageToWorld != null) {
            WorldPoint w = imageToWorld.toWorld(new ImagePoint(d.box().groundX(), d.box().groundY()));
            ground = Double.isFinite(w.x()) && Double.isFinite(w.y()) ? w : null;
        }
        return new TrackPoint(seq, at, d.box(), d.score(), ground);
    }

    /** The detector may report one vehicle as both car and truck: keep the better of such pairs. */
    private List<Detection> withoutDuplicates(List<Detection> detections) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean duplicate = false;
            for (Detection k : kept) {
                if (k.objectClass().isVehicle() == d.objectClass().isVehicle() && k.box().iou(d.box()) > config.duplicateIou()) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                kept.add(d);
            }
        }
        return kept;
    }

    private List<Track> active() {
        List<Track> out = new ArrayList<>();
        for (TrackState t : live) {
            if (t.status == TrackStatus.CONFIRMED || t.status == TrackStatus.LOST) {
                out.add(t.snapshot());
            }
        }
        return out;
    }

    @Override
    public List<Track> drainFinished() {
        List<Track> out = List.copyOf(finished);
        finished.clear();
        return out;
    }

    @Override
    public void finishAll() {
        for (Iterator<TrackState> it = live.iterator(); it.hasNext(); ) {
            TrackState t = it.next();
            if (t.status != TrackStatus.TENTATIVE) {
                finish(t);
            }
            it.remove();
        }
    }
}
