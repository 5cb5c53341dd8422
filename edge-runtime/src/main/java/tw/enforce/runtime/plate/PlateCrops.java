package tw.enforce.runtime.plate;

import java.time.Instant;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.runtime.detect.BoundingBox;

/** Cuts regions out of frames at full resolution; every Mat is released before returning. */
public final class PlateCrops {
    private PlateCrops() {
    }

    /** The box (clipped to the frame, at least 1×1) as a new frame; the sequence and time are kept. */
    public static Frame crop(Frame frame, BoundingBox box) {
        BoundingBox b = box.clip(frame.width(), frame.height());
        int x = Math.min(frame.width() - 1, (int) Math.floor(b.x1()));
        int y = Math.min(frame.height() - 1, (int) Math.floor(b.y1()));
        int w = Math.max(1, Math.min(frame.width(), (int) Math.ceil(b.x2())) - x);
        int h = Math.max(1, Math.min(frame.height(), (int) Math.ceil(b.y2())) - y);
        if (x == 0 && y == 0 && w == frame.width() && h == frame.height()) {
            return frame;
        }
        byte[] out = new byte[w * h * 3];
        for (int row = 0; row < h; row++) {
            System.arraycopy(frame.bgr(), ((y + row) * frame.width() + x) * 3, out, row * w * 3, w * 3);
        }
        return new Frame(frame.cameraId(), frame.sequence(), frame.capturedAt(), w, h, out);
    }

    /**
     * The plate quad straightened into an upright rectangle, grown by {@code margin} (a fraction of
     * its height) on every side so characters touching the border are not cut; the output keeps
     * the quad's own resolution.
     */
    public static Frame rectify(Frame frame, PlateCandidate plate, double margin) {
        double[] c = plate.corners();
        double top = dist(c[0], c[1], c[2], c[3]);
        double bottom = dist(c[6], c[7], c[4], c[5]);
        double left = dist(c[0], c[1], c[6], c[7]);
        double right = dist(c[2], c[3], c[4], c[5]);
        double h = Math.max(left, right);
        double m = h * margin;
        int outW = (int) Math.max(8, Math.round(Math.max(top, bottom) + 2 * m));
        int outH = (int) Math.max(8, Math.round(h + 2 * m));
        Mat src = FrameMats.toMat(frame);
        MatOfPoint2f from = new MatOfPoint2f(new Point(c[0], c[1]), new Point(c[2], c[3]), new Point(c[4], c[5]),
                new Point(c[6], c[7]));
        MatOfPoint2f to = new MatOfPoint2f(new Point(m, m), new Point(outW - m, m), new Point(outW - m, outH - m),
                new Point(m, outH - m));
        Mat transform = Imgproc.getPerspectiveTransform(from, to);
        Mat out = new Mat();
        try {
            Imgproc.warpPerspective(src, out, transform, new Size(outW, outH), Imgproc.INTER_LINEAR,
                    org.opencv.core.Core.BORDER_REPLICATE);
            return FrameMats.toFrame(out, frame.cameraId(), frame.sequence(), frame.capturedAt());
        } finally {
            src.release();
            from.release();
            to.release();
            transform.release();
            out.release();
        }
    }

    /** The frame resized to exactly {@code w × h} (stretching), as packed BGR bytes. */
    static byte[] resizedBgr(Frame frame, int w, int h) {
        Mat src = FrameMats.toMat(frame);
        Mat out = new Mat();
        try {
            Imgproc.resize(src, out, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
            byte[] px = new byte[w * h * 3];
            out.get(0, 0, px);
            return px;
        } finally {
            src.release();
            out.release();
        }
    }

    static Frame blank(int w, int h) {
        return new Frame("blank", 0, Instant.EPOCH, w, h, new byte[w * h * 3]);
    }

    static Rect rect(BoundingBox b) {
        return new Rect((int) b.x1(), (int) b.y1(), (int) Math.max(1, b.width()), (int) Math.max(1, b.height()));
    }

    private static double dist(double x1, double y1, double x2, double y2) {
        return Math.hypot(x2 - x1, y2 - y1);
    }
}
