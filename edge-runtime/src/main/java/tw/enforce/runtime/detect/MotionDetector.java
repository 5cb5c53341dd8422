package tw.enforce.runtime.detect;

import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.OpenCvNative;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.video.BackgroundSubtractorMOG2;
import org.opencv.video.Video;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.camera.Frame;

/**
 * Model-free fallback: moving blobs from OpenCV's MOG2 background subtraction, cleaned by
 * morphology, as boxes. It cannot classify, so the class is a <em>heuristic</em>: a blob wider than
 * {@value #CAR_ASPECT}× its height is a CAR, anything else a PERSON; every blob gets the fixed
 * {@link MotionConfig#score()}. Shadows (MOG2 marks them grey) are ignored, and a frame where most
 * pixels change at once (a cut, a shake, a light) re-learns the background. Stopped objects fade
 * into the background after roughly {@code history} frames, and blobs of objects close together merge.
 *
 * <p>Stateful (the background model) and not thread-safe: one per camera, fed every frame in order.
 * Nothing is reported during the first {@code warmupFrames} frames.
 */
public final class MotionDetector implements Detector {
    private static final Logger log = LoggerFactory.getLogger(MotionDetector.class);
    static final double CAR_ASPECT = 0.8;
    private static final double SHADOW_CUTOFF = 200; // MOG2: 255 foreground, 127 shadow

    private final MotionConfig config;
    private final BackgroundSubtractorMOG2 subtractor;
    private final Mat openKernel;
    private final Mat closeKernel;
    private long framesSeen;
    private boolean blind;

    public MotionDetector(MotionConfig config) {
        OpenCvNative.load();
        this.config = config;
        this.subtractor = Video.createBackgroundSubtractorMOG2(config.history(), config.varThreshold(), true);
        this.openKernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3));
        int close = Math.max(3, (config.processWidth() / 80) | 1); // odd, ~1.25% of the width
        this.closeKernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(close, close));
    }

    @Override
    public List<Detection> detect(Frame frame) throws DetectorException {
        double scale = Math.min(1.0, (double) config.processWidth() / frame.width());
        Mat image = FrameMats.toMat(frame);
        Mat small = new Mat();
        Mat mask = new Mat();
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        try {
            Mat input = image;
            if (scale < 1.0) {
                Imgproc.resize(image, small, new Size(Math.round(frame.width() * scale), Math.round(frame.height() * scale)),
                        0, 0, Imgproc.INTER_AREA);
                input = small;
            }
            subtractor.apply(input, mask);
            framesSeen++;
            blind = true;
            if (framesSeen <= config.warmupFrames()) {
                return List.of();
            }
            Imgproc.threshold(mask, mask, SHADOW_CUTOFF, 255, Imgproc.THRESH_BINARY);
            double changed = (double) Core.countNonZero(mask) / mask.total();
            if (changed > config.maxForegroundFraction()) {
                subtractor.apply(input, mask, 1.0); // learning rate 1: the background becomes this frame
                log.debug("{}: {}% of the frame changed at once, background re-learnt", frame, Math.round(changed * 100));
                return List.of();
            }
            blind = false;
            Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, openKernel);
            Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, closeKernel);
            Imgproc.findContours(mask, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
            return blobs(contours, scale, frame);
        } catch (RuntimeException e) {
            throw new DetectorException("motion detection failed on " + frame + ": " + e.getMessage(), e);
        } finally {
            image.release();
            small.release();
            mask.release();
            hierarchy.release();
            contours.forEach(Mat::release);
        }
    }

    /**
     * Whether the last frame could not be judged: the background was still being learnt (warm-up)
     * or was re-learnt because most of the frame changed at once. An empty answer then does not
     * mean "nothing moved".
     */
    public boolean lastFrameBlind() {
        return blind;
    }

    private List<Detection> blobs(List<MatOfPoint> contours, double scale, Frame frame) {
        double minArea = config.minAreaFraction() * frame.width() * frame.height();
        List<Detection> found = new ArrayList<>();
        for (MatOfPoint c : contours) {
            Rect r = Imgproc.boundingRect(c);
            BoundingBox box = new BoundingBox(r.x / scale, r.y / scale, (r.x + r.width) / scale, (r.y + r.height) / scale)
                    .clip(frame.width(), frame.height());
            if (box.area() >= minArea) {
                ObjectClass cls = box.width() > CAR_ASPECT * box.height() ? ObjectClass.CAR : ObjectClass.PERSON;
                found.add(new Detection(box, cls, config.score()));
            }
        }
        log.trace("{}: {} motion blobs", frame, found.size());
        return found;
    }

    @Override
    public String description() {
        return "motion MOG2 history=" + config.history() + " varThreshold=" + config.varThreshold();
    }

    @Override
    public void close() {
        openKernel.release();
        closeKernel.release();
    }
}
