package tw.enforce.sim.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * CLEAR-MOT bookkeeping over a sequence of frames (Bernardin &amp; Stiefelhagen 2008): a truth object
 * keeps its tracker id from the previous frame while the boxes still overlap (IoU ≥ threshold); the
 * rest are paired greedily by IoU. A truth object matched to another id than the last one it had is
 * an id switch; one that is lost and picked up again is a fragmentation (a long one when the gap
 * lasted at least {@code longGapFrames} frames: a single missed detection is already a fragmentation).
 *
 * <p>Truth objects may be marked "don't care" for a frame (too small, mostly outside the image):
 * they count neither as misses nor, when a track covers them, as false positives.
 */
public final class MotAccumulator {
    private final double minIou;
    private final Map<String, Long> current = new HashMap<>();
    private final Map<String, Long> lastId = new HashMap<>();
    private final Map<String, Boolean> trackedBefore = new HashMap<>();
    private final Map<String, Integer> gapSinceTracked = new HashMap<>();
    private final Set<String> objects = new HashSet<>();
    private final Map<String, Integer> switchesByObject = new HashMap<>();
    private final List<Switch> switches = new ArrayList<>();
    private long frameIndex = -1;
    private final int longGapFrames;
    private long truth, matches, misses, falsePositives, idSwitches, fragmentations, longFragmentations;

    /** {@code longGapFrames}: a fragmentation whose gap lasts at least this many counted frames is also a long one. */
    public MotAccumulator(double minIou, int longGapFrames) {
        this.minIou = minIou;
        this.longGapFrames = longGapFrames;
    }

    /** A truth object in one frame; {@code counted} false = "don't care" this frame. */
    public record Truth(String id, BoundingBox box, boolean counted) {
    }

    /** A tracker's output box in one frame. */
    public record Hypothesis(long trackId, BoundingBox box) {
    }

    /** An id switch: at the {@code frame}-th frame fed, truth object {@code objectId} went from track {@code from} to {@code to}. */
    public record Switch(String objectId, long frame, long from, long to) {
    }

    public void frame(List<Truth> truths, List<Hypothesis> hypotheses) {
        frameIndex++;
        Map<String, Long> matched = new HashMap<>();
        Set<Long> usedTracks = new HashSet<>();
        Map<Long, Hypothesis> byId = new HashMap<>();
        hypotheses.forEach(h -> byId.put(h.trackId(), h));
        for (Truth t : truths) {
            Long kept = current.get(t.id());
            Hypothesis h = kept == null ? null : byId.get(kept);
            if (h != null && !usedTracks.contains(kept) && t.box().iou(h.box()) >= minIou) {
                matched.put(t.id(), kept);
                usedTracks.add(kept);
            }
        }
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < truths.size(); i++) {
            if (matched.containsKey(truths.get(i).id())) {
                continue;
            }
            for (int j = 0; j < hypotheses.size(); j++) {
                double iou = truths.get(i).box().iou(hypotheses.get(j).box());
                if (iou >= minIou && !usedTracks.contains(hypotheses.get(j).trackId())) {
                    pairs.add(new double[] {iou, i, j});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((double[] p) -> -p[0]));
        for (double[] p : pairs) {
            Truth t = truths.get((int) p[1]);
            Hypothesis h = hypotheses.get((int) p[2]);
            if (!matched.containsKey(t.id()) && !usedTracks.contains(h.trackId())) {
                matched.put(t.id(), h.trackId());
                usedTracks.add(h.trackId());
            }
        }
        for (Truth t : truths) {
            Long id = matched.get(t.id());
            if (!t.counted()) {
                continue;
            }
            objects.add(t.id());
            truth++;
            if (id == null) {
                misses++;
                if (Boolean.TRUE.equals(trackedBefore.get(t.id()))) {
                    gapSinceTracked.merge(t.id(), 1, Integer::sum);
                }
                continue;
            }
            matches++;
            Long previous = lastId.get(t.id());
            if (previous != null && !previous.equals(id)) {
                idSwitches++;
                switchesByObject.merge(t.id(), 1, Integer::sum);
                switches.add(new Switch(t.id(), frameIndex, previous, id));
            }
            int gap = gapSinceTracked.getOrDefault(t.id(), 0);
            if (gap > 0) {
                fragmentations++;
                if (gap >= longGapFrames) {
                    longFragmentations++;
                }
                gapSinceTracked.put(t.id(), 0);
            }
            lastId.put(t.id(), id);
            trackedBefore.put(t.id(), true);
        }
        for (Hypothesis h : hypotheses) {
            if (!usedTracks.contains(h.trackId())) {
                falsePositives++;
            }
        }
        current.clear();
        current.putAll(matched);
    }

    public Figures figures() {
        return new Figures(objects.size(), truth, matches, misses, falsePositives, idSwitches, fragmentations,
                longFragmentations, switchesByObject.size());
    }

    /** Every id switch so far, in order. */
    public List<Switch> switches() {
        return List.copyOf(switches);
    }

    /** Id switches of one truth object so far. */
    public int switchesOf(String objectId) {
        return switchesByObject.getOrDefault(objectId, 0);
    }

    /** Truth objects counted at least once. */
    public Set<String> objects() {
        return Set.copyOf(objects);
    }

    /** Totals; {@code objects} = truth trajectories that were counted at least once. */
    public record Figures(long objects, long truth, long matches, long misses, long falsePositives, long idSwitches,
                          long fragmentations, long longFragmentations, long objectsWithSwitch) {
        public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public Figures plus(Figures o) {
            return new Figures(objects + o.objects, truth + o.truth, matches + o.matches, misses + o.misses,
                    falsePositives + o.falsePositives, idSwitches + o.idSwitches, fragmentations + o.fragmentations,
                    longFragmentations + o.longFragmentations, objectsWithSwitch + o.objectsWithSwitch);
        }

        public double recall() {
            return truth == 0 ? Double.NaN : (double) matches / truth;
        }

        public double precision() {
            return matches + falsePositives == 0 ? Double.NaN : (double) matches / (matches + falsePositives);
        }

        public double mota() {
            return truth == 0 ? Double.NaN : 1.0 - (double) (misses + falsePositives + idSwitches) / truth;
        }

        public double idSwitchesPer100Tracks() {
            return objects == 0 ? Double.NaN : 100.0 * idSwitches / objects;
        }

        public double fragmentationsPer100Tracks() {
            return objects == 0 ? Double.NaN : 100.0 * fragmentations / objects;
        }
    }
}
