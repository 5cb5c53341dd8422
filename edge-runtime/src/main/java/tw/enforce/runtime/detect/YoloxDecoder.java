package tw.enforce.runtime.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Post-processing for YOLOX ONNX exports (output {@code [1, N, 5 + classes]}, raw grid offsets,
 * decoded here): for each anchor of the stride-8/16/32 grids, centre = (offset + cell)·stride,
 * size = exp(offset)·stride, score = objectness · best class score. Keeps anchors at or above the
 * score threshold whose class the {@link LabelMap} maps to an {@link ObjectClass}, runs class-aware NMS and maps
 * boxes back to source pixels through the letterbox. Pure Java: testable on a saved tensor.
 */
public final class YoloxDecoder {
    static final int[] STRIDES = {8, 16, 32};
    /** Bound on candidates entering NMS, so a degenerate output cannot make NMS quadratic in 3549. */
    static final int MAX_CANDIDATES = 1000;

    private final int numClasses;
    private final LabelMap labels;
    private final double scoreThreshold;
    private final double nmsIou;

    /** A COCO-ordered model with {@code numClasses} class scores. */
    public YoloxDecoder(int numClasses, double scoreThreshold, double nmsIou) {
        this(cocoLabels(numClasses), scoreThreshold, nmsIou);
    }

    public YoloxDecoder(LabelMap labels, double scoreThreshold, double nmsIou) {
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1) || !(nmsIou > 0 && nmsIou <= 1)) {
            throw new IllegalArgumentException("scoreThreshold must be in [0,1] and nmsIou in (0,1], were "
                    + scoreThreshold + " and " + nmsIou);
        }
        this.labels = labels;
        this.numClasses = labels.classCount();
        this.scoreThreshold = scoreThreshold;
        this.nmsIou = nmsIou;
    }

    private static LabelMap cocoLabels(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, was " + numClasses);
        }
        return LabelMap.cocoPrefix(numClasses);
    }

    /** Anchors a YOLOX head produces for an input of this size. */
    public static int anchorCount(int inputWidth, int inputHeight) {
        int n = 0;
        for (int s : STRIDES) {
            n += (inputWidth / s) * (inputHeight / s);
        }
        return n;
    }

    public int attributes() {
        return 5 + numClasses;
    }

    /**
     * @param output the model output, row-major {@code [anchors][5 + classes]}
     * @throws IllegalArgumentException if its length does not match the input size in {@code letterbox}
     */
    public List<Detection> decode(float[] output, LetterboxGeometry letterbox) {
        int inW = letterbox.inputWidth();
        int inH = letterbox.inputHeight();
        int attrs = attributes();
        int expected = anchorCount(inW, inH) * attrs;
        if (output.length != expected) {
            throw new IllegalArgumentException("YOLOX output for a " + inW + "x" + inH + " input must hold "
                    + anchorCount(inW, inH) + "x" + attrs + " = " + expected + " floats, found " + output.length);
        }
        List<Detection> candidates = new ArrayList<>();
        int anchor = 0;
        for (int stride : STRIDES) {
            int cols = inW / stride;
            int rows = inH / stride;
            for (int gy = 0; gy < rows; gy++) {
                for (int gx = 0; gx < cols; gx++, anchor++) {
                    Detection d = decodeAnchor(output, anchor * attrs, gx, gy, stride, letterbox);
                    if (d != null) {
                        candidates.add(d);
                    }
                }
            }
        }
        if (candidates.size() > MAX_CANDIDATES) {
            candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
            candidates = new ArrayList<>(candidates.subList(0, MAX_CANDIDATES));
        }
        return Nms.classAware(candidates, nmsIou);
    }

    private Detection decodeAnchor(float[] o, int base, int gx, int gy, int stride, LetterboxGeometry lb) {
        float objectness = o[base + 4];
        if (objectness < scoreThreshold) {
            return null; // score = obj·cls ≤ obj: cheap early exit for the vast majority of anchors
        }
        int best = 0;
        float bestScore = o[base + 5];
        for (int c = 1; c < numClasses; c++) {
            float s = o[base + 5 + c];
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        double score = objectness * bestScore;
        if (score < scoreThreshold || !Double.isFinite(score)) {
            return null;
        }
        ObjectClass cls = labels.of(best);
        if (cls == null) {
            return null;
        }
        double cx = (o[base] + gx) * stride;
        double cy = (o[base + 1] + gy) * stride;
        double w = Math.exp(o[base + 2]) * stride;
        double h = Math.exp(o[base + 3]) * stride;
        if (!Double.isFinite(cx + cy + w + h)) {
            return null;
        }
        BoundingBox box = lb.toSource(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
        return box == null ? null : new Detection(box, cls, Math.min(1.0, score));
    }
}
