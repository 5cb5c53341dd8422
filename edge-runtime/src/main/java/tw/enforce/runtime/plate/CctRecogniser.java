package tw.enforce.runtime.plate;

import java.nio.file.Path;
import tw.enforce.camera.Frame;

/**
 * fast-plate-ocr's {@code cct_xs_v1_global} ({@code input uint8 [N,64,128,3]} RGB, crop stretched
 * to 128×64, no normalisation → {@code [N,9,37]}): nine fixed slots, {@code _} pads short plates.
 */
public final class CctRecogniser implements PlateRecogniser {
    static final int WIDTH = 128;
    static final int HEIGHT = 64;
    static final int SLOTS = 9;

    private final OnnxRunner runner;
    private final SlotDecoder decoder = new SlotDecoder(SlotDecoder.GLOBAL_ALPHABET, '_');
    private final String description;

    /** @throws PlateReaderException naming the file when missing or not shaped {@code [N,64,128,3] → [N,9,37]} */
    public CctRecogniser(Path model, int intraOpThreads) throws PlateReaderException {
        this.description = "cct " + model.getFileName();
        this.runner = new OnnxRunner("fast-plate-ocr recogniser", model, intraOpThreads,
                new long[] {-1, HEIGHT, WIDTH, 3}, new long[] {-1, SLOTS, decoder.classes()});
    }

    @Override
    public PlateText recognise(Frame crop) throws PlateReaderException {
        byte[] bgr = PlateCrops.resizedBgr(crop, WIDTH, HEIGHT);
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        Tensor out = runner.run(Tensor.ofBytes("input", rgb, 1, HEIGHT, WIDTH, 3)).get(0);
        try {
            return decoder.decode(out.floats(), SLOTS);
        } catch (IllegalArgumentException e) {
            throw new PlateReaderException("fast-plate-ocr recogniser on " + crop + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean fixedSlots() {
        return true;
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
