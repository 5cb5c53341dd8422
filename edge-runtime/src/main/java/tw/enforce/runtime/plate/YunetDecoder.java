package tw.enforce.runtime.plate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tw.enforce.runtime.detect.LetterboxGeometry;

/**
 * Turns LPD-YuNet's raw outputs ({@code loc [P,14]}, {@code conf [P,2]}, {@code iou [P,1]}) into
 * plate quads, following the OpenCV Zoo reference: SSD-style priors over strides 8/16/32/64,
 * score = sqrt(conf·clamp(iou,0,1)), four corners from loc[4..8) and loc[10..14), variance 0.1,
 * then greedy NMS on the boxes around the quads. Pure Java, no model needed.
 */
public final class YunetDecoder {
    private static final int[][] MIN_SIZES = {{10, 16, 24}, {32, 48}, {64, 96}, {128, 192, 256}};
    private static final int[] STEPS = {8, 16, 32, 64};
    private static final double VARIANCE = 0.1;
    private static final int[] CORNER_OFFSETS = {4, 6, 10, 12};

    private final int width;
    private final int height;
    private final double scoreThreshold;
    private final double nmsIou;
    private final float[] priors;

    public YunetDecoder(int width, int height, double scoreThreshold, double nmsIou) {
        this.width = width;
        this.height = height;
        this.scoreThreshold = scoreThreshold;
        this.nmsIou = nmsIou;
        this.priors = priors(width, height);
    }

    public int priorCount() {
        return priors.length / 4;
    }

    static float[] priors(int w, int h) {
        int fh = (((h + 1) / 2) / 2) / 2;
        int fw = (((w + 1) / 2) / 2) / 2;
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < STEPS.length; k++) {
            for (int i = 0; i < fh; i++) {
                for (int j = 0; j < fw; j++) {
                    for (int minSize : MIN_SIZES[k]) {
                        out.add(new float[] {(float) ((j + 0.5) * STEPS[k] / w), (float) ((i + 0.5) * STEPS[k] / h),
                                (float) minSize / w, (float) minSize / h});
                    }
                }
            }
            fh /= 2;
            fw /= 2;
        }
        float[] flat = new float[out.size() * 4];
        for (int i = 0; i < out.size(); i++) {
            System.arraycopy(out.get(i), 0, flat, 4 * i, 4);
        }
        return flat;
    }

    /**
     * @param geometry how the source image was fitted into the model input, to map corners back
     * @return plates above the score threshold, best first, in source pixels
     * @throws IllegalArgumentException when the arrays do not hold one row per prior
     */
    public List<PlateCandidate> decode(float[] loc, float[] conf, float[] iou, LetterboxGeometry geometry) {
        int n = priorCount();
        if (loc.length != n * 14 || conf.length != n * 2 || iou.length != n) {
            throw new IllegalArgumentException("LPD-YuNet outputs for " + width + "x" + height + " must be loc [" + n
                    + ",14], conf [" + n + ",2], iou [" + n + ",1]; got " + loc.length + ", " + conf.length + ", "
                    + iou.length + " values");
        }
        List<PlateCandidate> found = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            double score = Math.sqrt(Math.max(0, conf[2 * p + 1]) * Math.min(1, Math.max(0, iou[p])));
            if (score < scoreThreshold) {
                continue;
            }
            double[] xy = new double[8];
            for (int c = 0; c < 4; c++) {
                int o = 14 * p + CORNER_OFFSETS[c];
                double x = (priors[4 * p] + loc[o] * VARIANCE * priors[4 * p + 2]) * width;
                double y = (priors[4 * p + 1] + loc[o + 1] * VARIANCE * priors[4 * p + 3]) * height;
                xy[2 * c] = clamp((x - geometry.padX()) / geometry.scale(), geometry.sourceWidth());
                xy[2 * c + 1] = clamp((y - geometry.padY()) / geometry.scale(), geometry.sourceHeight());
            }
            PlateCandidate c = PlateCandidate.ofCorners(xy, score);
            if (c.box().width() >= 1 && c.box().height() >= 1) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparingDouble(PlateCandidate::score).reversed());
        List<PlateCandidate> kept = new ArrayList<>();
        for (PlateCandidate c : found) {
            if (kept.stream().noneMatch(k -> k.box().iou(c.box()) > nmsIou)) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
