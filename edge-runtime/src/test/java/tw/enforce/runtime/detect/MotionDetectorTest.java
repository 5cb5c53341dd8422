package tw.enforce.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;

class MotionDetectorTest {
    private static final int W = 1280;
    private static final int H = 720;
    private final Random random = new Random(7);
    private final byte[] background = texture();

    /** A fixed random road texture, the same on every frame. */
    private byte[] texture() {
        byte[] b = new byte[W * H * 3];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (60 + random.nextInt(60));
        }
        return b;
    }

    /** The background with a little sensor noise and, optionally, a bright solid rectangle. */
    private Frame frame(long seq, int x, int y, int w, int h) {
        byte[] b = background.clone();
        for (int i = 0; i < b.length; i += 7) {
            b[i] = (byte) ((b[i] & 0xFF) + random.nextInt(5) - 2);
        }
        for (int r = y; r < y + h; r++) {
            for (int c = x; c < x + w; c++) {
                int p = (r * W + c) * 3;
                b[p] = (byte) 220;
                b[p + 1] = (byte) 30;
                b[p + 2] = (byte) 30;
            }
        }
        return new Frame("cam", seq, Instant.ofEpochMilli(seq * 40), W, H, b);
    }

    private Frame still(long seq) {
        return frame(seq, 0, 0, 0, 0);
    }

    @Test
    void staticSceneYieldsNothingAfterWarmUp() throws Exception {
        MotionDetector detector = new MotionDetector(MotionConfig.defaults());
        for (int i = 0; i < 40; i++) {
            List<Detection> found = detector.detect(still(i));
            assertTrue(found.isEmpty(), "frame " + i + ": " + found);
        }
    }

    @Test
    void movingWideRectangleIsFoundAsACarWhereItIs() throws Exception {
        MotionDetector detector = new MotionDetector(MotionConfig.defaults());
        for (int i = 0; i < 30; i++) {
            detector.detect(still(i));
        }
        List<Detection> last = List.of();
        for (int i = 0; i < 10; i++) {
            last = detector.detect(frame(30 + i, 200 + 20 * i, 300, 160, 90));
        }

        assertEquals(1, last.size(), "blobs: " + last);
        Detection d = last.get(0);
        assertEquals(ObjectClass.CAR, d.objectClass());
        assertEquals(0.5, d.score());
        assertTrue(d.box().iou(new BoundingBox(380, 300, 540, 390)) > 0.8, d.box().toString());
    }

    @Test
    void movingTallRectangleIsLabelledAPerson() throws Exception {
        MotionDetector detector = new MotionDetector(MotionConfig.defaults());
        for (int i = 0; i < 30; i++) {
            detector.detect(still(i));
        }
        List<Detection> last = List.of();
        for (int i = 0; i < 5; i++) {
            last = detector.detect(frame(30 + i, 600, 200 + 10 * i, 40, 110));
        }

        assertEquals(1, last.size(), "blobs: " + last);
        assertEquals(ObjectClass.PERSON, last.get(0).objectClass());
    }

    @Test
    void nothingIsReportedDuringWarmUpEvenWithMotion() throws Exception {
        MotionDetector detector = new MotionDetector(new MotionConfig(500, 16, 10, 0.001, 640, 0.4, 0.5));
        for (int i = 0; i < 10; i++) {
            assertTrue(detector.detect(frame(i, 100 + 30 * i, 100, 160, 90)).isEmpty());
        }
        assertTrue(!detector.detect(frame(10, 500, 100, 160, 90)).isEmpty());
    }

    @Test
    void blobsSmallerThanTheMinimumAreaAreIgnored() throws Exception {
        MotionDetector detector = new MotionDetector(MotionConfig.defaults()); // min 0.1% = 921 px
        for (int i = 0; i < 30; i++) {
            detector.detect(still(i));
        }
        List<Detection> last = List.of();
        for (int i = 0; i < 5; i++) {
            last = detector.detect(frame(30 + i, 300 + 10 * i, 300, 20, 20));
        }
        assertTrue(last.isEmpty(), "blobs: " + last);
    }

    @Test
    void suddenChangeOfTheWholeSceneIsNotMotionAndBecomesTheNewBackground() throws Exception {
        MotionDetector detector = new MotionDetector(MotionConfig.defaults());
        for (int i = 0; i < 30; i++) {
            detector.detect(still(i));
        }
        byte[] brighter = background.clone();
        for (int i = 0; i < brighter.length; i++) {
            brighter[i] = (byte) ((brighter[i] & 0xFF) + 60);
        }

        for (int i = 30; i < 35; i++) {
            List<Detection> found = detector.detect(new Frame("cam", i, Instant.ofEpochMilli(i * 40L), W, H, brighter));
            assertTrue(found.isEmpty(), "frame " + i + ": " + found);
        }
    }
}
