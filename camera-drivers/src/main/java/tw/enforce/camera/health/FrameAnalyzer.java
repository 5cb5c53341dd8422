package tw.enforce.camera.health;

import java.util.Objects;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.OpenCvNative;

/**
 * Measures one frame for {@link CameraHealthMonitor}, on a grey copy at most {@value #ANALYSIS_WIDTH}
 * pixels wide (a few milliseconds a frame): exposure, sharpness, change since the previous frame,
 * and, once a reference view of the site is set, texture lost per grid cell and the shift found by
 * phase correlation. Native memory is held for the previous frame and the reference until
 * {@link #close()}. Calls are serialised; one analyzer per camera.
 */
public final class FrameAnalyzer implements AutoCloseable {

    static final int ANALYSIS_WIDTH = 640;
    private static final int GRID_COLS = 8;
    private static final int GRID_ROWS = 6;
    /** A reference cell with less than this share of the mean cell's edge energy is flat (sky, wall): it cannot lose texture. */
    private static final double TEXTURED_CELL = 0.3;

    private final HealthThresholds thresholds;
    private Mat previous;
    private Reference reference;

    public FrameAnalyzer(HealthThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        OpenCvNative.load();
    }

    /** Sets (or replaces) the view the camera should show: taken at commissioning, stored with the site. */
    public synchronized void setReference(Frame view) {
        Mat grey = grey(view);
        Mat lap = laplacian(grey);
        try {
            Mat window = hanning(grey);
            Reference next = new Reference(windowed(grey, window), window, sharpness(lap), cellEnergies(lap),
                    grey.size());
            if (reference != null) {
                reference.release();
            }
            reference = next;
        } finally {
            grey.release();
            lap.release();
        }
    }

    public synchronized boolean hasReference() {
        return reference != null;
    }

    public synchronized FrameMetrics analyze(Frame frame) {
        Mat grey = grey(frame);
        Mat lap = laplacian(grey);
        try {
            double total = grey.total();
            double dark = countWhere(grey, thresholds.darkLevel(), Imgproc.THRESH_BINARY_INV) / total;
            double saturated = countWhere(grey, thresholds.saturatedLevel() - 1, Imgproc.THRESH_BINARY) / total;
            double changed = Double.NaN;
            if (previous != null && previous.size().equals(grey.size())) {
                Mat diff = new Mat();
                Core.absdiff(grey, previous, diff);
                changed = countWhere(diff, 1, Imgproc.THRESH_BINARY) / total;
                diff.release();
            }
            double refSharpness = Double.NaN;
            double lost = Double.NaN;
            double shift = Double.NaN;
            if (reference != null) {
                refSharpness = reference.sharpness();
                if (grey.size().equals(reference.size())) {
                    lost = lostTexture(cellEnergies(lap));
                    shift = shift(grey);
                } else {
                    lost = 1.0;
                    shift = 1.0;
                }
            }
            FrameMetrics metrics = new FrameMetrics(dark, saturated, sharpness(lap), changed, refSharpness, lost, shift);
            if (previous != null) {
                previous.release();
            }
            previous = grey;
            grey = null;
            return metrics;
        } finally {
            if (grey != null) {
                grey.release();
            }
            lap.release();
        }
    }

    private static Mat grey(Frame frame) {
        Mat bgr = FrameMats.toMat(frame);
        Mat grey = new Mat();
        Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
        bgr.release();
        if (grey.cols() <= ANALYSIS_WIDTH) {
            return grey;
        }
        Mat small = new Mat();
        int height = (int) Math.round(grey.rows() * (double) ANALYSIS_WIDTH / grey.cols());
        Imgproc.resize(grey, small, new Size(ANALYSIS_WIDTH, height), 0, 0, Imgproc.INTER_AREA);
        grey.release();
        return small;
    }

    /**
     * Laplacian of the lightly smoothed image: without the smoothing, sensor noise dominates the
     * variance and a barely softer picture (noise gone) would read as a defocused one.
     */
    private static Mat laplacian(Mat grey) {
        Mat smooth = new Mat();
        Imgproc.GaussianBlur(grey, smooth, new Size(0, 0), 1.0);
        Mat lap = new Mat();
        Imgproc.Laplacian(smooth, lap, CvType.CV_64F);
        smooth.release();
        return lap;
    }

    private static double sharpness(Mat lap) {
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble sd = new MatOfDouble();
        Core.meanStdDev(lap, mean, sd);
        double s = sd.get(0, 0)[0];
        mean.release();
        sd.release();
        return s * s;
    }

    private static double[] cellEnergies(Mat lap) {
        Mat abs = new Mat();
        Core.absdiff(lap, Scalar.all(0), abs);
        double[] out = new double[GRID_COLS * GRID_ROWS];
        for (int r = 0; r < GRID_ROWS; r++) {
            for (int c = 0; c < GRID_COLS; c++) {
                int x0 = c * abs.cols() / GRID_COLS;
                int y0 = r * abs.rows() / GRID_ROWS;
                int x1 = (c + 1) * abs.cols() / GRID_COLS;
                int y1 = (r + 1) * abs.rows() / GRID_ROWS;
                Mat cell = abs.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
                out[r * GRID_COLS + c] = Core.mean(cell).val[0];
                cell.release();
            }
        }
        abs.release();
        return out;
    }

    private double lostTexture(double[] now) {
        int textured = 0;
        int lost = 0;
        double mean = java.util.Arrays.stream(reference.cells()).average().orElse(0);
        for (int i = 0; i < now.length; i++) {
            double ref = reference.cells()[i];
            if (ref > 0 && ref >= TEXTURED_CELL * mean) {
                textured++;
                if (now[i] < thresholds.lostTextureRatio() * ref) {
                    lost++;
                }
            }
        }
        return textured == 0 ? 0.0 : (double) lost / textured;
    }

    private double shift(Mat grey) {
        Mat current = windowed(grey, reference.window());
        try {
            Point p = Imgproc.phaseCorrelate(reference.windowed(), current);
            return Math.hypot(p.x, p.y) / current.cols();
        } finally {
            current.release();
        }
    }

    /** Half-size, Hann-windowed float copy for phase correlation: a quarter of the FFT work, shift precise enough. */
    private static Mat windowed(Mat grey, Mat window) {
        Mat half = new Mat();
        Imgproc.pyrDown(grey, half);
        Mat f = new Mat();
        half.convertTo(f, CvType.CV_64F);
        Mat out = new Mat();
        Core.multiply(f, window, out);
        f.release();
        half.release();
        return out;
    }

    private static Mat hanning(Mat grey) {
        Mat window = new Mat();
        Imgproc.createHanningWindow(window, new Size((grey.cols() + 1) / 2, (grey.rows() + 1) / 2), CvType.CV_64F);
        return window;
    }

    private static int countWhere(Mat grey, double level, int type) {
        Mat mask = new Mat();
        Imgproc.threshold(grey, mask, level, 255, type);
        int n = Core.countNonZero(mask);
        mask.release();
        return n;
    }

    @Override
    public synchronized void close() {
        if (previous != null) {
            previous.release();
            previous = null;
        }
        if (reference != null) {
            reference.release();
            reference = null;
        }
    }

    private record Reference(Mat windowed, Mat window, double sharpness, double[] cells, Size size) {
        void release() {
            windowed.release();
            window.release();
        }
    }
}
