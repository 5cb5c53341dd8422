package tw.enforce.camera;

import java.time.Instant;

/** Synthetic frames with known pixels. */
public final class TestFrames {
    public static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private TestFrames() {
    }

    /** Smooth gradients (JPEG-friendly): B follows x, G follows y, R their mix. */
    public static Frame gradient(int width, int height) {
        byte[] bgr = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                bgr[i] = (byte) (x * 255 / Math.max(1, width - 1));
                bgr[i + 1] = (byte) (y * 255 / Math.max(1, height - 1));
                bgr[i + 2] = (byte) ((x + y) * 255 / Math.max(1, width + height - 2));
            }
        }
        return new Frame("cam-test", 7, T0, width, height, bgr);
    }

    /** Left half one colour, right half another. */
    public static Frame halves(int width, int height, int[] leftBgr, int[] rightBgr) {
        byte[] bgr = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] c = x < width / 2 ? leftBgr : rightBgr;
                int i = (y * width + x) * 3;
                bgr[i] = (byte) c[0];
                bgr[i + 1] = (byte) c[1];
                bgr[i + 2] = (byte) c[2];
            }
        }
        return new Frame("cam-test", 1, T0, width, height, bgr);
    }

    /** Mean absolute difference per byte of two frames of equal size. */
    public static double meanAbsDiff(Frame a, Frame b) {
        long sum = 0;
        for (int i = 0; i < a.bgr().length; i++) {
            sum += Math.abs((a.bgr()[i] & 0xff) - (b.bgr()[i] & 0xff));
        }
        return (double) sum / a.bgr().length;
    }

    /** Mean of one channel (0=B, 1=G, 2=R) over the frame. */
    public static double channelMean(Frame f, int channel) {
        long sum = 0;
        for (int i = channel; i < f.bgr().length; i += 3) {
            sum += f.bgr()[i] & 0xff;
        }
        return sum / (f.bgr().length / 3.0);
    }
}
