package tw.enforce.runtime.plate;

import java.nio.file.Path;
import java.util.List;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * PaddleOCR's DBNet text detector ({@code x [N,3,H,W]} BGR, ImageNet mean/std → {@code [N,1,H,W]}
 * probabilities) on a straightened plate crop, scaled to {@value #WIDTH} wide and a multiple of 32
 * high. Finds the plate's main character groups so that the recogniser does not read a country
 * band, an emblem or small print as characters.
 */
public final class PaddleTextLines implements AutoCloseable {
    public static final String DEFAULT_MODEL = "models/ch_PP-OCRv3_det_infer.onnx";
    static final int WIDTH = 320;
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final OnnxRunner runner;
    private final TextLineDecoder decoder = TextLineDecoder.defaults();

    public static PaddleTextLines fromClasspath(int intraOpThreads) throws PlateReaderException {
        return new PaddleTextLines(ClasspathModels.extract(DEFAULT_MODEL), intraOpThreads);
    }

    public PaddleTextLines(Path model, int intraOpThreads) throws PlateReaderException {
        this.runner = new OnnxRunner("PaddleOCR text detector", model, intraOpThreads, new long[] {-1, 3, -1, -1},
                new long[] {-1, 1, -1, -1});
    }

    /** Character-group boxes in the crop's pixels, left to right; empty when none is found. */
    public List<BoundingBox> find(Frame crop) throws PlateReaderException {
        int h = (int) Math.max(64, Math.round(WIDTH * (double) crop.height() / crop.width() / 32.0) * 32);
        byte[] bgr = PlateCrops.resizedBgr(crop, WIDTH, h);
        int plane = WIDTH * h;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + i] = ((bgr[3 * i + c] & 0xFF) / 255f - MEAN[c]) / STD[c];
            }
        }
        Tensor out = runner.run(Tensor.ofFloats("x", chw, 1, 3, h, WIDTH)).get(0);
        double sx = (double) crop.width() / WIDTH;
        double sy = (double) crop.height() / h;
        try {
            return decoder.decode(out.floats(), out.dim(3), out.dim(2)).stream()
                    .map(b -> new BoundingBox(b.x1() * sx, b.y1() * sy, b.x2() * sx, b.y2() * sy)).toList();
        } catch (IllegalArgumentException e) {
            throw new PlateReaderException("PaddleOCR text detector on " + crop + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}
