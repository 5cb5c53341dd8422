package tw.enforce.camera.health;

import java.time.Instant;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.OpenCvNative;

/** Synthetic camera pictures: a textured "site" plus sensor noise, and the ways a camera goes wrong. */
final class Scenes {
    static final int W = 640;
    static final int H = 360;

    private Scenes() {
    }

    private static Frame base;

    /** A site: random boxes of grey over a gradient, sharp edges everywhere, with this frame's sensor noise. */
    static synchronized Frame site(Instant at, long sequence) {
        if (base == null) {
            base = drawSite();
        }
        return withNoise(new Frame("cam-h", sequence, at, W, H, base.bgr()), sequence);
    }

    private static Frame drawSite() {
        OpenCvNative.load();
        Random random = new Random(42);
        Mat m = new Mat(H, W, org.opencv.core.CvType.CV_8UC3);
        for (int y = 0; y < H; y++) {
            byte[] row = new byte[W * 3];
            for (int x = 0; x < W; x++) {
                int v = 60 + x * 100 / W;
                row[x * 3] = (byte) v;
                row[x * 3 + 1] = (byte) v;
                row[x * 3 + 2] = (byte) v;
            }
            m.put(y, 0, row);
        }
        for (int i = 0; i < 220; i++) {
            int x = random.nextInt(W - 20);
            int y = random.nextInt(H - 20);
            int g = 20 + random.nextInt(210);
            Imgproc.rectangle(m, new Rect(x, y, 8 + random.nextInt(40), 8 + random.nextInt(30)),
                    new Scalar(g, g, g), -1);
        }
        return toFrame(m, Instant.EPOCH, 0);
    }

    /** Adds ±3 levels of deterministic noise, as a live sensor does from frame to frame. */
    static Frame withNoise(Frame f, long seed) {
        Random random = new Random(seed * 7919 + 1);
        byte[] out = f.bgr().clone();
        for (int i = 0; i < out.length; i++) {
            int v = (out[i] & 0xff) + random.nextInt(7) - 3;
            out[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return new Frame(f.cameraId(), f.sequence(), f.capturedAt(), f.width(), f.height(), out);
    }

    static Frame at(Frame f, Instant at, long sequence) {
        return new Frame(f.cameraId(), sequence, at, f.width(), f.height(), f.bgr());
    }

    static Frame uniform(int grey, Instant at, long sequence) {
        Mat m = new Mat(H, W, org.opencv.core.CvType.CV_8UC3, Scalar.all(grey));
        return withNoise(toFrame(m, at, sequence), sequence);
    }

    static Frame blurred(Frame f, double sigma) {
        return apply(f, (in, out) -> Imgproc.GaussianBlur(in, out, new Size(0, 0), sigma));
    }

    /** Covers the left {@code fraction} of the picture with a flat dark-grey sheet. */
    static Frame covered(Frame f, double fraction) {
        return apply(f, (in, out) -> {
            in.copyTo(out);
            Imgproc.rectangle(out, new Rect(0, 0, (int) (in.cols() * fraction), in.rows()), Scalar.all(40), -1);
        });
    }

    /** The picture turned sideways by {@code dx} pixels (the edge filled by replicating). */
    static Frame shifted(Frame f, int dx, int dy) {
        return apply(f, (in, out) -> {
            Mat t = new Mat(2, 3, org.opencv.core.CvType.CV_64F);
            t.put(0, 0, 1, 0, dx, 0, 1, dy);
            Imgproc.warpAffine(in, out, t, in.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
            t.release();
        });
    }

    static Frame darker(Frame f, double gain) {
        return apply(f, (in, out) -> in.convertTo(out, -1, gain, 0));
    }

    static Frame brighter(Frame f, double gain, double offset) {
        return apply(f, (in, out) -> in.convertTo(out, -1, gain, offset));
    }

    interface MatOp {
        void apply(Mat in, Mat out);
    }

    static Frame apply(Frame f, MatOp op) {
        Mat in = FrameMats.toMat(f);
        Mat out = new Mat();
        op.apply(in, out);
        Frame result = FrameMats.toFrame(out, f.cameraId(), f.sequence(), f.capturedAt());
        in.release();
        out.release();
        return result;
    }

    private static Frame toFrame(Mat m, Instant at, long sequence) {
        Frame f = FrameMats.toFrame(m, "cam-h", sequence, at);
        m.release();
        return f;
    }

}
