package tw.enforce.runtime.detect;

import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.OpenCvNative;
import java.util.Arrays;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import tw.enforce.camera.Frame;

/**
 * Fits a frame into a fixed model input keeping its aspect ratio (bilinear resize, grey 114
 * padding) and lays it out as planar CHW floats, BGR, 0–255, unnormalised — what YOLOX expects.
 * Stateless and thread-safe; every Mat it allocates is released before it returns.
 */
public final class Letterbox {
    public static final float PAD_VALUE = 114f;

    public enum Placement { TOP_LEFT, CENTRED }

    /** The model input and the geometry to map boxes back. */
    public record Input(float[] chw, LetterboxGeometry geometry) {
    }

    private final int inputWidth;
    private final int inputHeight;
    private final Placement placement;

    public Letterbox(int inputWidth, int inputHeight, Placement placement) {
        if (inputWidth <= 0 || inputHeight <= 0) {
            throw new IllegalArgumentException("letterbox input size must be positive, was " + inputWidth + "x" + inputHeight);
        }
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.placement = placement;
        OpenCvNative.load();
    }

    public LetterboxGeometry geometryFor(int sourceWidth, int sourceHeight) {
        return placement == Placement.TOP_LEFT
                ? LetterboxGeometry.topLeft(sourceWidth, sourceHeight, inputWidth, inputHeight)
                : LetterboxGeometry.centred(sourceWidth, sourceHeight, inputWidth, inputHeight);
    }

    public Input apply(Frame frame) {
        LetterboxGeometry g = geometryFor(frame.width(), frame.height());
        int rw = g.resizedWidth();
        int rh = g.resizedHeight();
        byte[] pixels;
        if (rw == frame.width() && rh == frame.height()) {
            pixels = frame.bgr();
        } else {
            Mat src = FrameMats.toMat(frame);
            Mat resized = new Mat();
            try {
                Imgproc.resize(src, resized, new Size(rw, rh), 0, 0, Imgproc.INTER_LINEAR);
                pixels = new byte[rw * rh * 3];
                resized.get(0, 0, pixels);
            } finally {
                src.release();
                resized.release();
            }
        }
        return new Input(toChw(pixels, rw, rh, g), g);
    }

    private float[] toChw(byte[] bgr, int rw, int rh, LetterboxGeometry g) {
        int plane = inputWidth * inputHeight;
        float[] chw = new float[3 * plane];
        Arrays.fill(chw, PAD_VALUE);
        for (int y = 0; y < rh; y++) {
            int src = y * rw * 3;
            int dst = (y + g.padY()) * inputWidth + g.padX();
            for (int x = 0; x < rw; x++, src += 3, dst++) {
                chw[dst] = bgr[src] & 0xFF;
                chw[plane + dst] = bgr[src + 1] & 0xFF;
                chw[2 * plane + dst] = bgr[src + 2] & 0xFF;
            }
        }
        return chw;
    }
}
