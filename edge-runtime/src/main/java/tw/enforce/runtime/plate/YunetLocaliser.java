package tw.enforce.runtime.plate;

import java.nio.file.Path;
import java.util.List;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.Letterbox;

/**
 * LPD-YuNet (OpenCV Zoo, {@code input [1,3,240,320]} BGR 0–255) through DJL. The image is
 * letterboxed, not stretched, so plates keep their shape whatever the crop's aspect.
 */
public final class YunetLocaliser implements PlateLocaliser {
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;

    private final OnnxRunner runner;
    private final Letterbox letterbox = new Letterbox(WIDTH, HEIGHT, Letterbox.Placement.TOP_LEFT);
    private final YunetDecoder decoder;

    /** @throws PlateReaderException naming the file when it is missing or not shaped like LPD-YuNet */
    public YunetLocaliser(Path model, double scoreThreshold, int intraOpThreads) throws PlateReaderException {
        this.decoder = new YunetDecoder(WIDTH, HEIGHT, scoreThreshold, 0.3);
        long p = decoder.priorCount();
        this.runner = new OnnxRunner("LPD-YuNet model", model, intraOpThreads, new long[] {1, 3, HEIGHT, WIDTH},
                new long[] {p, 14}, new long[] {p, 2}, new long[] {p, 1});
    }

    @Override
    public List<PlateCandidate> locate(Frame image) throws PlateReaderException {
        Letterbox.Input in = letterbox.apply(image);
        List<Tensor> out = runner.run(Tensor.ofFloats("input", in.chw(), 1, 3, HEIGHT, WIDTH));
        try {
            return decoder.decode(named(out, "loc", 0), named(out, "conf", 1), named(out, "iou", 2), in.geometry());
        } catch (IllegalArgumentException e) {
            throw new PlateReaderException("LPD-YuNet on " + image + ": " + e.getMessage(), e);
        }
    }

    private static float[] named(List<Tensor> out, String name, int fallback) {
        return out.stream().filter(t -> name.equals(t.name())).findFirst().orElse(out.get(fallback)).floats();
    }

    @Override
    public void close() {
        runner.close();
    }
}
