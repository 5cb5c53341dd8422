package tw.enforce.camera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameSourceException;
import tw.enforce.camera.opencv.OpenCvFrameSource;
import tw.enforce.camera.opencv.OpenCvNative;

/**
 * Capture + decode frames per second of a video file through {@link OpenCvFrameSource} (decode, copy
 * into a {@link Frame}, clock stamp) against a bare {@code VideoCapture.read} loop on the same file,
 * in the same JVM, rounds interleaved so that both see the same machine load. Prints one line per
 * round and the ratio of the medians (target ≥ 0.95).
 *
 * <pre>java -cp … tw.enforce.camera.bench.CaptureBench FILE [ROUNDS]</pre>
 */
public final class CaptureBench {

    private CaptureBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CaptureBench VIDEO_FILE [ROUNDS=5]");
            System.exit(2);
        }
        Path video = Path.of(args[0]);
        if (!Files.isReadable(video)) {
            System.err.println("CaptureBench: cannot read video file " + video);
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        OpenCvNative.load();
        bare(video, false);
        source(video);
        double[] bare = new double[rounds];
        double[] source = new double[rounds];
        double[] copy = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            bare[r] = bare(video, false);
            source[r] = source(video);
            copy[r] = bare(video, true);
            System.out.printf("round %d: bare VideoCapture.read %.1f fps, OpenCvFrameSource %.1f fps,"
                    + " bare read + copy to a new byte[] %.1f fps%n", r + 1, bare[r], source[r], copy[r]);
        }
        System.out.printf("median of bare read + pixel copy: %.1f fps (the copy a Frame needs, alone)%n", median(copy));
        double b = median(bare);
        double s = median(source);
        double[] pairs = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            pairs[r] = source[r] / bare[r];
        }
        System.out.printf("median: bare %.1f fps, OpenCvFrameSource %.1f fps, ratio of medians %.3f, median of"
                + " per-round ratios %.3f (target >= 0.95); OpenCV %s%n", b, s, s / b, median(pairs),
                org.opencv.core.Core.getVersionString());
    }

    private static double bare(Path video, boolean copy) {
        long start = System.nanoTime();
        VideoCapture capture = new VideoCapture(video.toString());
        Mat mat = new Mat();
        int frames = 0;
        long sink = 0;
        while (capture.read(mat)) {
            frames++;
            if (copy) {
                byte[] pixels = new byte[(int) (mat.total() * mat.channels())];
                mat.get(0, 0, pixels);
                sink += pixels[pixels.length / 2];
            }
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        long nanos = System.nanoTime() - start;
        capture.release();
        mat.release();
        return frames / (nanos / 1e9);
    }

    private static double source(Path video) throws FrameSourceException {
        long start = System.nanoTime();
        int frames = 0;
        try (OpenCvFrameSource src = OpenCvFrameSource.open("bench", video.toString(), Clock.systemUTC())) {
            for (Optional<Frame> f = src.next(); f.isPresent(); f = src.next()) {
                frames++;
            }
        }
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
