package tw.enforce.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;

/** Real MOG2 on synthetic frames; the model is a counting fake. */
class MotionGatedDetectorTest {
    private static final int W = 320;
    private static final int H = 180;
    private final Random random = new Random(3);
    private final byte[] road = new byte[W * H * 3];

    {
        for (int i = 0; i < road.length; i++) {
            road[i] = (byte) (60 + random.nextInt(60));
        }
    }

    /** Counts its calls and reports one car. */
    private static final class CountingModel implements Detector {
        int calls;

        @Override
        public List<Detection> detect(Frame frame) {
            calls++;
            return List.of(new Detection(new BoundingBox(10, 10, 50, 40), ObjectClass.CAR, 0.9));
        }

        @Override
        public String description() {
            return "counting";
        }
    }

    @Test
    void stillFramesSkipTheModelButKeepReportingTheStoppedCar() throws Exception {
        CountingModel model = new CountingModel();
        MotionConfig cfg = new MotionConfig(100, 16, 5, 0.001, 320, 0.4, 0.5);
        try (MotionGatedDetector gate = new MotionGatedDetector(new MotionDetector(cfg), model, 10)) {
            for (int i = 0; i < 40; i++) {
                List<Detection> found = gate.detect(frame(i, -1));
                assertEquals(1, found.size(), "frame " + i + ": the stopped car stays reported");
            }
            int stillCalls = model.calls;
            assertTrue(stillCalls <= 10, "model ran " + stillCalls + " times on 40 still frames");
            assertTrue(gate.skippedFrames() >= 30);

            for (int i = 40; i < 50; i++) {
                gate.detect(frame(i, (i - 40) * 20));
            }
            assertTrue(model.calls - stillCalls >= 8, "a moving object runs the model on (nearly) every frame: "
                    + (model.calls - stillCalls) + " of 10");
        }
    }

    @Test
    void whileTheBackgroundIsStillBeingLearntTheModelRunsOnEveryFrame() throws Exception {
        CountingModel model = new CountingModel();
        MotionConfig cfg = new MotionConfig(100, 16, 12, 0.001, 320, 0.4, 0.5);
        try (MotionGatedDetector gate = new MotionGatedDetector(new MotionDetector(cfg), model, 10)) {
            for (int i = 0; i < 12; i++) {
                gate.detect(frame(i, -1));
            }
            assertEquals(12, model.calls, "a gate that cannot yet tell still from moving must not skip the model");
            assertEquals(0, gate.skippedFrames());
        }
    }

    @Test
    void aSceneChangeThatReLearnsTheBackgroundRunsTheModel() throws Exception {
        CountingModel model = new CountingModel();
        MotionConfig cfg = new MotionConfig(100, 16, 5, 0.001, 320, 0.4, 0.5);
        try (MotionGatedDetector gate = new MotionGatedDetector(new MotionDetector(cfg), model, 1000)) {
            for (int i = 0; i < 30; i++) {
                gate.detect(frame(i, -1));
            }
            int before = model.calls;
            byte[] lit = road.clone();
            for (int i = 0; i < lit.length; i++) {
                lit[i] = (byte) Math.min(255, (lit[i] & 0xFF) + 120); // floodlight switched on
            }
            gate.detect(new Frame("cam", 30, Instant.ofEpochMilli(1200), W, H, lit));
            assertEquals(before + 1, model.calls, "a frame the subtractor re-learnt on is not 'nothing moved'");
        }
    }

    private Frame frame(long seq, int boxX) {
        byte[] b = road.clone();
        for (int i = 0; i < b.length; i += 7) {
            b[i] = (byte) ((b[i] & 0xFF) + random.nextInt(5) - 2);
        }
        if (boxX >= 0) {
            for (int r = 60; r < 100; r++) {
                for (int c = boxX; c < Math.min(W, boxX + 50); c++) {
                    int p = (r * W + c) * 3;
                    b[p] = (byte) 220;
                    b[p + 1] = (byte) 30;
                    b[p + 2] = (byte) 30;
                }
            }
        }
        return new Frame("cam", seq, Instant.ofEpochMilli(seq * 40), W, H, b);
    }
}
