package tw.enforce.camera.opencv;

import java.time.Instant;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import tw.enforce.camera.Frame;

/**
 * Converts between our {@link Frame} (packed BGR bytes) and OpenCV {@link Mat}s. Both directions
 * copy pixels, so neither side can see later writes to the other. The caller releases every Mat it
 * is given and every Mat it passes in stays the caller's.
 */
public final class FrameMats {

    private FrameMats() {
    }

    /** A new {@code CV_8UC3} Mat holding a copy of the frame's pixels; the caller releases it. */
    public static Mat toMat(Frame frame) {
        OpenCvNative.load();
        Mat mat = new Mat(frame.height(), frame.width(), CvType.CV_8UC3);
        mat.put(0, 0, frame.bgr());
        return mat;
    }

    /**
     * A frame holding a copy of the Mat's pixels. Accepts 8-bit BGR, grey and BGRA Mats (the latter
     * two are converted); anything else is rejected naming the type.
     *
     * @throws IllegalArgumentException when the Mat is empty or not 8-bit with 1, 3 or 4 channels
     */
    public static Frame toFrame(Mat mat, String cameraId, long sequence, Instant capturedAt) {
        if (mat.empty()) {
            throw new IllegalArgumentException("cannot make frame " + cameraId + "#" + sequence + " from an empty Mat");
        }
        if (mat.depth() != CvType.CV_8U) {
            throw new IllegalArgumentException("frame " + cameraId + "#" + sequence + ": expected an 8-bit Mat, got "
                    + CvType.typeToString(mat.type()));
        }
        Mat bgr = switch (mat.channels()) {
            case 3 -> mat.isContinuous() ? mat : mat.clone();
            case 1 -> convert(mat, Imgproc.COLOR_GRAY2BGR);
            case 4 -> convert(mat, Imgproc.COLOR_BGRA2BGR);
            default -> throw new IllegalArgumentException("frame " + cameraId + "#" + sequence
                    + ": expected 1, 3 or 4 channels, got " + CvType.typeToString(mat.type()));
        };
        try {
            byte[] pixels = new byte[bgr.rows() * bgr.cols() * 3];
            bgr.get(0, 0, pixels);
            return new Frame(cameraId, sequence, capturedAt, bgr.cols(), bgr.rows(), pixels);
        } finally {
            if (bgr != mat) {
                bgr.release();
            }
        }
    }

    private static Mat convert(Mat mat, int code) {
        Mat out = new Mat();
        Imgproc.cvtColor(mat, out, code);
        return out;
    }
}
