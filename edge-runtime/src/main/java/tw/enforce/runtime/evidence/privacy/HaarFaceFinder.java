package tw.enforce.runtime.evidence.privacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.OpenCvNative;
import tw.enforce.runtime.config.PrivacyConfig;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * OpenCV's Viola-Jones cascade (frontal faces). Weak on small or turned faces, which is why the
 * masker also covers the head region of every person box; its false positives only over-mask.
 * Not thread-safe (the classifier holds scratch state): one per evidence thread.
 */
public final class HaarFaceFinder implements FaceFinder {
    /** Where Debian's {@code opencv-data} package puts the cascade. */
    public static final Path DEBIAN_FRONTAL_FACE =
            Path.of("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");
    private static final int MIN_FACE_PX = 12;
    private final CascadeClassifier classifier;
    private final Path cascade;

    public HaarFaceFinder(Path cascade) {
        OpenCvNative.load();
        if (!Files.isReadable(cascade)) {
            throw new IllegalArgumentException("face cascade " + cascade + " is not a readable file");
        }
        this.cascade = cascade;
        this.classifier = new CascadeClassifier();
        boolean loaded;
        try {
            loaded = classifier.load(cascade.toString()) && !classifier.empty();
        } catch (RuntimeException e) {
            loaded = false;
        }
        if (!loaded) {
            throw new IllegalArgumentException("face cascade " + cascade + " is not an OpenCV cascade XML file");
        }
    }

    /**
     * The finder {@code evidence.privacy.faceCascade} asks for: empty for {@code none}, or for
     * {@code auto} when Debian's cascade is not installed.
     *
     * @throws IllegalArgumentException naming the file when an explicit path cannot be loaded
     */
    public static Optional<FaceFinder> forConfig(PrivacyConfig config) {
        if (!config.maskFaces() || PrivacyConfig.NONE.equals(config.faceCascade())) {
            return Optional.empty();
        }
        if (PrivacyConfig.AUTO.equals(config.faceCascade())) {
            return Files.isReadable(DEBIAN_FRONTAL_FACE) ? Optional.of(new HaarFaceFinder(DEBIAN_FRONTAL_FACE))
                    : Optional.empty();
        }
        return Optional.of(new HaarFaceFinder(Path.of(config.faceCascade())));
    }

    @Override
    public List<BoundingBox> find(Frame image) {
        Mat bgr = FrameMats.toMat(image);
        Mat grey = new Mat();
        MatOfRect found = new MatOfRect();
        try {
            Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
            Imgproc.equalizeHist(grey, grey);
            classifier.detectMultiScale(grey, found, 1.1, 4, 0, new Size(MIN_FACE_PX, MIN_FACE_PX), new Size());
            List<BoundingBox> faces = new ArrayList<>();
            for (Rect r : found.toArray()) {
                faces.add(new BoundingBox(r.x, r.y, r.x + r.width, r.y + r.height));
            }
            return faces;
        } catch (RuntimeException e) {
            throw new IllegalStateException("face cascade " + cascade + " failed on " + image, e);
        } finally {
            found.release();
            grey.release();
            bgr.release();
        }
    }

    @Override
    public String toString() {
        return "HaarFaceFinder[" + cascade + "]";
    }
}
