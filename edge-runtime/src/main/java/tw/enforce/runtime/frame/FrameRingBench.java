package tw.enforce.runtime.frame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.camera.opencv.OpenCvFrameSource;

/**
 * Memory of a {@link FrameRing} per camera-second at 1080p and 720p: frames of a video file scaled to
 * each size, encoded as the unit does (JPEG quality 90), pushed through a ring of WINDOW seconds at
 * FPS. Prints the JPEG bytes held per camera-second and per frame, the heap the ring retains
 * (measured after GC, so approximate), and the raw BGR bytes the same seconds would take. Upscaled
 * video holds less detail than a native 1080p sensor: treat the JPEG figures as a lower bound.
 *
 * <pre>java -cp … tw.enforce.runtime.frame.FrameRingBench VIDEO_FILE [FPS=25] [WINDOW_S=8]</pre>
 */
public final class FrameRingBench {
    private static final int QUALITY = 90;

    private FrameRingBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !Files.isReadable(Path.of(args[0]))) {
            System.err.println("usage: FrameRingBench VIDEO_FILE [FPS=25] [WINDOW_S=8] (video file must be readable)");
            System.exit(2);
        }
        int fps = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int windowS = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<Frame> source = new ArrayList<>();
        try (OpenCvFrameSource src = OpenCvFrameSource.open("bench", args[0], Clock.systemUTC())) {
            for (Optional<Frame> f = src.next(); f.isPresent(); f = src.next()) {
                source.add(f.get());
            }
        }
        System.out.printf("source: %d frames %dx%d; ring window %d s at %d fps, JPEG quality %d%n", source.size(),
                source.get(0).width(), source.get(0).height(), windowS, fps, QUALITY);
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            measure(source, size[0], size[1], fps, windowS);
        }
    }

    private static void measure(List<Frame> source, int width, int height, int fps, int windowS) {
        FrameRing ring = new FrameRing(Duration.ofSeconds(windowS), f -> Jpeg.encode(f, QUALITY));
        int total = fps * windowS * 2;
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        long heapBefore = usedHeap();
        long encodeNanos = 0;
        for (int i = 0; i < total; i++) {
            Frame scaled = scale(source.get(i % source.size()), width, height, i, t0.plusNanos(i * 1_000_000_000L / fps));
            long start = System.nanoTime();
            ring.add(scaled);
            encodeNanos += System.nanoTime() - start;
        }
        long heapAfter = usedHeap();
        double perSecond = ring.bytes() / (double) windowS;
        System.out.printf("%dx%d: %d frames held, %.2f MB JPEG per camera-second (%.0f KB/frame), heap retained"
                        + " ~%.2f MB per camera-second; raw BGR would be %.1f MB per camera-second (%.1fx); encode"
                        + " %.1f ms/frame%n",
                width, height, ring.size(), perSecond / 1e6, ring.bytes() / 1e3 / ring.size(),
                (heapAfter - heapBefore) / 1e6 / windowS, width * height * 3.0 * fps / 1e6,
                width * height * 3.0 * fps / perSecond, encodeNanos / 1e6 / total);
        if (ring.size() == 0) {
            throw new IllegalStateException("ring empty");
        }
    }

    private static Frame scale(Frame frame, int width, int height, long sequence, Instant at) {
        Mat in = FrameMats.toMat(frame);
        Mat out = new Mat();
        Imgproc.resize(in, out, new Size(width, height), 0, 0, Imgproc.INTER_CUBIC);
        Frame scaled = FrameMats.toFrame(out, "bench", sequence, at);
        in.release();
        out.release();
        return scaled;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
