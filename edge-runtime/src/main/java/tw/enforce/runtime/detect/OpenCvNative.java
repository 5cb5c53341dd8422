package tw.enforce.runtime.detect;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import tw.enforce.camera.Frame;

/**
 * Loads the OpenCV native library once (openpnp build) and wraps frames into {@code Mat}s for the
 * OpenCV-based stages of this package. Kept here rather than in camera-drivers so perception does
 * not depend on the capture adapters' internals.
 */
final class OpenCvNative {
    private static volatile boolean loaded;

    private OpenCvNative() {
    }

    static void load() {
        if (!loaded) {
            synchronized (OpenCvNative.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }

    /** A new 8-bit BGR Mat holding a copy of the frame's pixels; the caller releases it. */
    static Mat toMat(Frame frame) {
        load();
        Mat m = new Mat(frame.height(), frame.width(), CvType.CV_8UC3);
        m.put(0, 0, frame.bgr());
        return m;
    }
}
