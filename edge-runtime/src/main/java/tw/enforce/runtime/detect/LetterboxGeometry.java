package tw.enforce.runtime.detect;

/**
 * How a source image was fitted into a fixed model input: scaled by {@code scale} keeping its
 * aspect, placed at ({@code padX}, {@code padY}) inside the {@code inputWidth × inputHeight}
 * canvas, the rest filled with grey. Maps model-input boxes back to source pixels. Pure values, so
 * decoders can be tested without OpenCV.
 */
public record LetterboxGeometry(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight,
                                double scale, int padX, int padY) {

    public LetterboxGeometry {
        if (sourceWidth <= 0 || sourceHeight <= 0 || inputWidth <= 0 || inputHeight <= 0) {
            throw new IllegalArgumentException("letterbox sizes must be positive: source " + sourceWidth + "x"
                    + sourceHeight + ", input " + inputWidth + "x" + inputHeight);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("letterbox scale must be positive, was " + scale);
        }
    }

    /**
     * The geometry YOLOX's reference pre-processing uses: scale = min(inW/w, inH/h), resized size
     * truncated to whole pixels, image in the top-left corner, padding right and bottom.
     */
    public static LetterboxGeometry topLeft(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
        double scale = Math.min((double) inputWidth / sourceWidth, (double) inputHeight / sourceHeight);
        return new LetterboxGeometry(sourceWidth, sourceHeight, inputWidth, inputHeight, scale, 0, 0);
    }

    /** Same scale, image centred (the Ultralytics convention). */
    public static LetterboxGeometry centred(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
        LetterboxGeometry g = topLeft(sourceWidth, sourceHeight, inputWidth, inputHeight);
        return new LetterboxGeometry(sourceWidth, sourceHeight, inputWidth, inputHeight, g.scale,
                (inputWidth - g.resizedWidth()) / 2, (inputHeight - g.resizedHeight()) / 2);
    }

    /** Width of the scaled image inside the canvas, at least one pixel. */
    public int resizedWidth() {
        return Math.max(1, Math.min(inputWidth, (int) (sourceWidth * scale)));
    }

    public int resizedHeight() {
        return Math.max(1, Math.min(inputHeight, (int) (sourceHeight * scale)));
    }

    /** A box in model-input pixels mapped to source pixels and clipped to the source image; null if empty. */
    public BoundingBox toSource(double x1, double y1, double x2, double y2) {
        double sx1 = clamp((x1 - padX) / scale, sourceWidth);
        double sy1 = clamp((y1 - padY) / scale, sourceHeight);
        double sx2 = clamp((x2 - padX) / scale, sourceWidth);
        double sy2 = clamp((y2 - padY) / scale, sourceHeight);
        if (!(sx2 > sx1 && sy2 > sy1)) {
            return null;
        }
        return new BoundingBox(sx1, sy1, sx2, sy2);
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
