package tw.enforce.runtime.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.OpenCvFrameSource;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.Letterbox;
import tw.enforce.runtime.detect.MotionConfig;
import tw.enforce.runtime.detect.MotionDetector;
import tw.enforce.runtime.detect.MotionGatedDetector;
import tw.enforce.runtime.detect.YoloxConfig;
import tw.enforce.runtime.detect.YoloxDecoder;
import tw.enforce.runtime.detect.YoloxDetector;
import tw.enforce.runtime.plate.LocalisingPlateReader;
import tw.enforce.runtime.plate.PlateReaderConfig;
import tw.enforce.runtime.plate.PlateVote;
import tw.enforce.runtime.track.IouTracker;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.TrackStatus;
import tw.enforce.runtime.track.TrackerConfig;

/**
 * {@code edgectl bench}: throughput figures with their baseline measured in the same run.
 * {@code detector}: YOLOX through DJL versus a bare ONNX Runtime {@code OrtSession} on the same model
 * and frames (same letterbox and decoder, interleaved frame by frame). {@code pipeline}: decode +
 * motion gate + detect + track + plate reads against the detector alone on the same frames.
 */
@Command(name = "bench", description = "Throughput benchmarks (figures against a baseline of the same run).",
        subcommands = {BenchCommand.DetectorBench.class, BenchCommand.PipelineBench.class, HealthBenchCommand.class})
public final class BenchCommand {
    /** The gate only needs coarse motion: MOG2 at 320 px wide costs a quarter of the default 640. */
    static final MotionConfig GATE = new MotionConfig(500, 16, 25, 0.001, 320, 0.4, 0.5);

    @Command(name = "detector", description = "DJL YOLOX detector vs bare OrtSession, same model and input.")
    static final class DetectorBench implements Callable<Integer> {
        @Option(names = "--shared", defaultValue = "../shared") Path shared;
        @Option(names = "--frames", defaultValue = "150") int frames;
        @Option(names = "--threads", defaultValue = "1") int threads;

        @Override
        public Integer call() throws Exception {
            List<Frame> video = read(shared.resolve("data/video/car-detection-mjpeg.avi"), 100);
            Path model = shared.resolve("models/yolox_nano.onnx");
            YoloxConfig cfg = new YoloxConfig(model, 416, 0.25, 0.45, threads);
            // DJL first: it must create the shared OrtEnvironment, or it refuses to start afterwards
            try (YoloxDetector djl = new YoloxDetector(cfg);
                 OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
                if (threads > 0) {
                    opts.setIntraOpNumThreads(threads);
                }
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                try (OrtSession bare = env.createSession(model.toString(), opts)) {
                    Letterbox letterbox = new Letterbox(416, 416, Letterbox.Placement.TOP_LEFT);
                    YoloxDecoder decoder = new YoloxDecoder(80, 0.25, 0.45);
                    String input = bare.getInputNames().iterator().next();
                    double[] a = new double[frames];
                    double[] b = new double[frames];
                    int mismatches = 0;
                    for (int i = -20; i < frames; i++) {
                        Frame f = video.get(Math.floorMod(i, video.size()));
                        long t0 = System.nanoTime();
                        List<Detection> viaDjl = djl.detect(f);
                        long t1 = System.nanoTime();
                        Letterbox.Input in = letterbox.apply(f);
                        List<Detection> viaBare;
                        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(in.chw()), new long[] {1, 3, 416, 416});
                             OrtSession.Result r = bare.run(Map.of(input, t))) {
                            float[][][] out = (float[][][]) r.get(0).getValue();
                            float[] flat = new float[out[0].length * out[0][0].length];
                            for (int k = 0; k < out[0].length; k++) {
                                System.arraycopy(out[0][k], 0, flat, k * out[0][k].length, out[0][k].length);
                            }
                            viaBare = decoder.decode(flat, in.geometry());
                        }
                        long t2 = System.nanoTime();
                        if (i >= 0) {
                            a[i] = (t1 - t0) / 1e6;
                            b[i] = (t2 - t1) / 1e6;
                            mismatches += viaDjl.size() == viaBare.size() ? 0 : 1;
                        }
                    }
                    Arrays.sort(a);
                    Arrays.sort(b);
                    double ma = a[frames / 2];
                    double mb = b[frames / 2];
                    System.out.printf(Locale.ROOT, "%s, %d frames %dx%d, intraOpThreads=%d: DJL median %.2f ms (mean %.2f), "
                                    + "bare OrtSession median %.2f ms (mean %.2f): DJL/bare = %.3f (%+.1f%%); "
                                    + "frames with different detection counts: %d%n", djl.description(), frames,
                            video.get(0).width(), video.get(0).height(), threads, ma, mean(a), mb, mean(b), ma / mb,
                            (ma / mb - 1) * 100, mismatches);
                }
            }
            return 0;
        }
    }

    @Command(name = "pipeline", description = "Decode + gate + detect + track + plates vs detector alone, same frames.")
    static final class PipelineBench implements Callable<Integer> {
        @Option(names = "--shared", defaultValue = "../shared") Path shared;
        @Option(names = "--plate-every", defaultValue = "5",
                description = "Read each live vehicle track's plate every Nth frame (default ${DEFAULT-VALUE}).")
        int plateEvery;

        @Option(names = "--no-gate", description = "Run the model on every frame (measures the pipeline's own cost).")
        boolean noGate;

        @Override
        public Integer call() throws Exception {
            Path video = shared.resolve("data/video/car-detection-mjpeg.avi");
            List<Frame> frames = read(video, Integer.MAX_VALUE);
            YoloxConfig cfg = YoloxConfig.nano(shared.resolve("models/yolox_nano.onnx"));
            try (YoloxDetector alone = new YoloxDetector(cfg)) {
                for (int i = 0; i < 10; i++) {
                    alone.detect(frames.get(i));
                }
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                for (Frame f : frames) {
                    alone.detect(f);
                }
                double detectS = (System.nanoTime() - t0) / 1e9;
                double detectCpu = (cpuNanos() - c0) / 1e9;

                PlateReaderConfig pc = PlateReaderConfig.defaults(shared.resolve("models/lpd_yunet_2023mar.onnx"));
                try (LocalisingPlateReader plates = pc.open();
                     MotionGatedDetector gated = new MotionGatedDetector(new MotionDetector(GATE),
                             new YoloxDetector(cfg), noGate ? 1 : 25)) {
                    IouTracker tracker = new IouTracker(TrackerConfig.defaults());
                    Map<Long, PlateVote> votes = new HashMap<>();
                    long reads = 0;
                    long c1 = cpuNanos();
                    long t1 = System.nanoTime();
                    int n = 0;
                    try (OpenCvFrameSource source = OpenCvFrameSource.open("bench", video.toAbsolutePath().toString(),
                            Clock.systemUTC())) {
                        for (Optional<Frame> next = source.next(); next.isPresent(); next = source.next(), n++) {
                            Frame f = next.get();
                            List<Detection> found = noGate ? gated.model().detect(f) : gated.detect(f);
                            List<Track> live = tracker.update(f.sequence(), f.capturedAt(), found);
                            if (n % plateEvery == 0) {
                                for (Track t : live) {
                                    if (t.status() != TrackStatus.FINISHED && t.objectClass().isVehicle()) {
                                        reads++;
                                        plates.read(f, t.last().box()).ifPresent(
                                                r -> votes.computeIfAbsent(t.id(), k -> new PlateVote()).add(r));
                                    }
                                }
                            }
                        }
                    }
                    double pipeS = (System.nanoTime() - t1) / 1e9;
                    double pipeCpu = (cpuNanos() - c1) / 1e9;
                    int cores = Runtime.getRuntime().availableProcessors();
                    System.out.printf(Locale.ROOT, "detector alone: %d frames %.1f fps (%.1f frames per CPU-second)%n",
                            frames.size(), frames.size() / detectS, frames.size() / detectCpu);
                    System.out.printf(Locale.ROOT, "pipeline (decode+%s+detect+track+plates every %d): %d frames %.1f fps "
                                    + "(%.1f frames per CPU-second, %d cores), model ran on %d, skipped %d, %d plate reads, "
                                    + "%d tracks with a plate; overhead vs detector alone %+.1f%% wall time%n", noGate ? "no gate" : "gate", plateEvery, n,
                            n / pipeS, n / pipeCpu, cores, gated.modelFrames(), gated.skippedFrames(), reads, votes.size(),
                            (pipeS / n / (detectS / frames.size()) - 1) * 100);
                }
            }
            return 0;
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    static List<Frame> read(Path video, int max) throws Exception {
        List<Frame> out = new ArrayList<>();
        try (OpenCvFrameSource source = OpenCvFrameSource.open("bench", video.toAbsolutePath().toString(), Clock.systemUTC())) {
            for (Optional<Frame> f = source.next(); f.isPresent() && out.size() < max; f = source.next()) {
                out.add(f.get());
            }
        }
        return out;
    }
}
