package tw.enforce.runtime.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tw.enforce.camera.Frame;

/**
 * Not a test: warm per-frame time of {@link YoloxDetector} on 1280x720 frames (the sample video
 * scaled up, as a camera would deliver). Args: shared dir, [intraOpThreads], [frames].
 */
public final class YoloxDetectorBenchmark {
    private YoloxDetectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        long t0 = System.nanoTime();
        List<Frame> source = TestFrames.video(shared.resolve("data/video/car-detection-mjpeg.avi"), 1, 100);
        System.out.printf("decoded %d video frames in %.0f ms%n", source.size(), (System.nanoTime() - t0) / 1e6);
        List<Frame> frames = new ArrayList<>();
        for (Frame f : source) {
            frames.add(TestFrames.resized(f, 1280, 720));
        }
        YoloxConfig config = new YoloxConfig(shared.resolve("models/yolox_nano.onnx"), 416, 0.25, 0.45, threads);
        try (YoloxDetector detector = new YoloxDetector(config)) {
            for (int i = 0; i < 20; i++) {
                detector.detect(frames.get(i % frames.size()));
            }
            Letterbox letterbox = new Letterbox(416, 416, Letterbox.Placement.TOP_LEFT);
            double[] ms = new double[n];
            double[] pre = new double[n];
            for (int i = 0; i < n; i++) {
                Frame f = frames.get(i % frames.size());
                long a = System.nanoTime();
                letterbox.apply(f);
                long b = System.nanoTime();
                detector.detect(f);
                long c = System.nanoTime();
                pre[i] = (b - a) / 1e6;
                ms[i] = (c - b) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(pre);
            System.out.printf("%s, intraOpThreads=%d, %d frames 1280x720: detect median %.1f ms, p90 %.1f ms,"
                    + " mean %.1f ms; letterbox alone median %.2f ms%n", detector.description(), threads, n,
                    ms[n / 2], ms[n * 9 / 10], Arrays.stream(ms).average().orElse(0), pre[n / 2]);
        }
    }
}
