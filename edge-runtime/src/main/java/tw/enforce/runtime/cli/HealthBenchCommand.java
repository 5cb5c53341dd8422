package tw.enforce.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.enforce.camera.Frame;
import tw.enforce.camera.health.FrameAnalyzer;
import tw.enforce.camera.health.HealthThresholds;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.MotionDetector;
import tw.enforce.runtime.detect.MotionGatedDetector;
import tw.enforce.runtime.detect.YoloxConfig;
import tw.enforce.runtime.detect.YoloxDetector;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.track.IouTracker;
import tw.enforce.runtime.track.TrackerConfig;

/**
 * {@code edgectl bench health}: what camera health supervision costs the pipeline thread. On the same
 * frames of the sample road video, in the same run, alternating rounds: the health analysis of a
 * frame (exposure, sharpness, change, texture and phase correlation against a reference view) against
 * the pipeline's own work on a frame (JPEG into the ring, detect, track) with the unit's detector
 * (YOLOX-Nano behind the motion gate when the model is there, else the motion detector).
 */
@Command(name = "health", description = "Camera health analysis cost per frame vs the pipeline's frame time, same frames.")
final class HealthBenchCommand implements Callable<Integer> {
    @Option(names = "--shared", defaultValue = "../shared") Path shared;
    @Option(names = "--frames", defaultValue = "120") int frames;
    @Option(names = "--rounds", defaultValue = "3") int rounds;

    @Override
    public Integer call() throws Exception {
        List<Frame> video = BenchCommand.read(shared.resolve("data/video/car-detection-mjpeg.avi"), frames);
        Path model = shared.resolve("models/yolox_nano.onnx");
        boolean yolox = Files.isReadable(model);
        double healthNs = 0;
        double pipelineNs = 0;
        try (FrameAnalyzer analyzer = new FrameAnalyzer(HealthThresholds.defaults());
             Detector detector = yolox ? new MotionGatedDetector(new MotionDetector(BenchCommand.GATE),
                     new YoloxDetector(YoloxConfig.nano(model)), 25) : new MotionDetector(BenchCommand.GATE)) {
            analyzer.setReference(video.get(0));
            for (int r = 0; r <= rounds; r++) { // round 0 warms up both
                long t0 = System.nanoTime();
                for (Frame f : video) {
                    analyzer.analyze(f);
                }
                long t1 = System.nanoTime();
                FrameRing ring = new FrameRing(Duration.ofSeconds(8), f -> Jpeg.encode(f, 90));
                IouTracker tracker = new IouTracker(TrackerConfig.defaults());
                for (Frame f : video) {
                    ring.add(f);
                    tracker.update(f.sequence(), f.capturedAt(), detector.detect(f));
                }
                long t2 = System.nanoTime();
                if (r > 0) {
                    healthNs += t1 - t0;
                    pipelineNs += t2 - t1;
                }
            }
        }
        double n = (double) video.size() * rounds;
        double health = healthNs / n / 1e6;
        double pipeline = pipelineNs / n / 1e6;
        Frame f0 = video.get(0);
        System.out.printf(Locale.ROOT, "%d frames %dx%d x %d rounds; detector: %s%n", video.size(), f0.width(), f0.height(),
                rounds, yolox ? "YOLOX-Nano behind the motion gate (model every 25th still frame)" : "motion detector (no model found)");
        System.out.printf(Locale.ROOT, "health analysis:            %.2f ms/frame%n", health);
        System.out.printf(Locale.ROOT, "pipeline (ring+detect+track): %.2f ms/frame%n", pipeline);
        System.out.printf(Locale.ROOT, "health / pipeline = %.3f (analysing every frame adds %.1f%% to the frame time)%n",
                health / pipeline, 100 * health / pipeline);
        return 0;
    }
}
