package tw.enforce.runtime.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression, per {@link ObjectClass}: boxes of different classes never suppress each other. */
public final class Nms {
    private Nms() {
    }

    /**
     * Keeps, best score first, each detection that does not overlap an already kept detection of
     * the same class by more than {@code iouThreshold}. The result is sorted by descending score.
     */
    public static List<Detection> classAware(List<Detection> candidates, double iouThreshold) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean suppressed = false;
            for (Detection k : kept) {
                if (k.objectClass() == d.objectClass() && k.box().iou(d.box()) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(d);
            }
        }
        return kept;
    }
}
