package tw.enforce.runtime.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Ultralytics YOLOv8/YOLO11 detection heads, {@code [1, 4+C, N]} channel-major: per
 * candidate cx, cy, w, h in model-input pixels, then C class scores (already sigmoid, no
 * objectness). The best class decides; classes the {@link LabelMap} does not map are dropped; class-aware NMS.
 * Pure Java, testable on a saved tensor.
 */
public final class UltralyticsDecoder {
    private final int numClasses;
    private final LabelMap labels;
    private final double scoreThreshold;
    private final double nmsIou;

    /** A COCO-ordered model with {@code numClasses} class scores. */
    public UltralyticsDecoder(int numClasses, double scoreThreshold, double nmsIou) {
        this(LabelMap.cocoPrefix(numClasses), scoreThreshold, nmsIou);
    }

    public UltralyticsDecoder(LabelMap labels, double scoreThreshold, double nmsIou) {
        this.labels = labels;
        this.numClasses = labels.classCount();
        this.scoreThreshold = scoreThreshold;
        this.nmsIou = nmsIou;
    }

    public int attributes() {
        return 4 + numClasses;
    }

    /** @throws IllegalArgumentException when the array is not {@code (4+C)·candidates} long */
    public List<Detection> decode(float[] out, int candidates, LetterboxGeometry lb) {
        int attrs = attributes();
        if (out.length != attrs * candidates) {
            throw new IllegalArgumentException("Ultralytics output must be [1," + attrs + "," + candidates + "], got "
                    + out.length + " values");
        }
        List<Detection> found = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            int best = 0;
            float bestScore = out[4 * candidates + i];
            for (int c = 1; c < numClasses; c++) {
                float s = out[(4 + c) * candidates + i];
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            if (bestScore < scoreThreshold || !Float.isFinite(bestScore)) {
                continue;
            }
            ObjectClass cls = labels.of(best);
            if (cls == null) {
                continue;
            }
            double cx = out[i];
            double cy = out[candidates + i];
            double w = out[2 * candidates + i];
            double h = out[3 * candidates + i];
            if (!Double.isFinite(cx + cy + w + h)) {
                continue;
            }
            BoundingBox box = lb.toSource(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
            if (box != null) {
                found.add(new Detection(box, cls, bestScore));
            }
        }
        return Nms.classAware(found, nmsIou);
    }
}
