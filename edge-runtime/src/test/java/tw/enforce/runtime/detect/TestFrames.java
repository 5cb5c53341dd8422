package tw.enforce.runtime.detect;

import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.OpenCvNative;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.videoio.VideoCapture;
import tw.enforce.camera.Frame;

/**
 * Real images as {@link Frame}s for tests. Reads video with OpenCV directly (test code only) until
 * camera-drivers' frame sources can be used here.
 */
final class TestFrames {
    private TestFrames() {
    }

    static Frame fromMat(Mat bgr, String cameraId, long sequence) {
        byte[] pixels = new byte[(int) (bgr.total() * bgr.channels())];
        bgr.get(0, 0, pixels);
        return new Frame(cameraId, sequence, Instant.ofEpochMilli(sequence * 40), bgr.cols(), bgr.rows(), pixels);
    }

    static Frame image(Path file) {
        OpenCvNative.load();
        Mat m = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        try {
            if (m.empty()) {
                throw new IllegalStateException("cannot decode image " + file);
            }
            return fromMat(m, file.getFileName().toString(), 0);
        } finally {
            m.release();
        }
    }

    /** Every {@code step}-th frame of a video, up to {@code max} frames. */
    static List<Frame> video(Path file, int step, int max) {
        OpenCvNative.load();
        VideoCapture capture = new VideoCapture(file.toString());
        Mat m = new Mat();
        List<Frame> frames = new ArrayList<>();
        try {
            if (!capture.isOpened()) {
                throw new IllegalStateException("OpenCV cannot open video " + file);
            }
            for (long i = 0; frames.size() < max && capture.read(m); i++) {
                if (i % step == 0) {
                    frames.add(fromMat(m, "video", i));
                }
            }
            return frames;
        } finally {
            m.release();
            capture.release();
        }
    }

    /** The frame resized, e.g. to a camera's 1280x720. */
    static Frame resized(Frame f, int width, int height) {
        Mat src = FrameMats.toMat(f);
        Mat dst = new Mat();
        try {
            org.opencv.imgproc.Imgproc.resize(src, dst, new org.opencv.core.Size(width, height));
            return fromMat(dst, f.cameraId(), f.sequence());
        } finally {
            src.release();
            dst.release();
        }
    }
}
