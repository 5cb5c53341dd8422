package tw.enforce.camera.opencv;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameSource;
import tw.enforce.camera.FrameSourceException;

/**
 * Frames from an OpenCV {@link VideoCapture}: a video file, a V4L2 device or a network stream.
 *
 * <p>Each frame is stamped with the injected clock's time right after the capture returned it.
 * Sequence numbers count every frame slot read from the source, starting at 0, including corrupt
 * ones that are skipped, so a gap in the sequence shows where a frame was lost. A file ends cleanly
 * when the capture reports its last frame; a device or stream that fails
 * {@value #MAX_CONSECUTIVE_FAILURES} reads in a row is taken as gone and {@link #next()} throws.
 *
 * <p>Not thread-safe: one thread reads, and the same thread (or one after it) closes.
 */
public final class OpenCvFrameSource implements FrameSource {

    static final int MAX_CONSECUTIVE_FAILURES = 25;

    private static final Logger log = LoggerFactory.getLogger(OpenCvFrameSource.class);

    private final String cameraId;
    private final CaptureTarget target;
    private final Clock clock;
    private final VideoCapture capture;
    private final Mat buffer = new Mat();
    private final double fps;
    private final long frameCount;
    private int width;
    private int height;
    private long nextSequence;
    private long corrupt;
    private boolean closed;
    private boolean ended;

    private OpenCvFrameSource(String cameraId, CaptureTarget target, Clock clock, VideoCapture capture) {
        this.cameraId = cameraId;
        this.target = target;
        this.clock = clock;
        this.capture = capture;
        this.width = (int) capture.get(Videoio.CAP_PROP_FRAME_WIDTH);
        this.height = (int) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT);
        this.fps = capture.get(Videoio.CAP_PROP_FPS);
        this.frameCount = target instanceof CaptureTarget.VideoFile ? (long) capture.get(Videoio.CAP_PROP_FRAME_COUNT) : -1;
    }

    /** Opens a target written as in the site config (see {@link CaptureTarget#parse}). */
    public static OpenCvFrameSource open(String cameraId, String target, Clock clock) throws FrameSourceException {
        return open(cameraId, CaptureTarget.parse(target), clock);
    }

    /**
     * Opens the target and reads its properties.
     *
     * @throws FrameSourceException naming the camera and target when it cannot be opened; when the
     *                              loaded OpenCV build lacks the FFmpeg/GStreamer backend the target
     *                              needs, the message says so and how to get one
     */
    public static OpenCvFrameSource open(String cameraId, CaptureTarget target, Clock clock)
            throws FrameSourceException {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(clock, "clock");
        OpenCvNative.load();
        if (target instanceof CaptureTarget.VideoFile file && !Files.isReadable(file.path())) {
            throw new FrameSourceException("camera " + cameraId + ": " + target.describe()
                    + (Files.exists(file.path()) ? " is not readable" : " does not exist"));
        }
        VideoCapture capture = openCapture(target);
        if (!capture.isOpened()) {
            capture.release();
            throw new FrameSourceException("camera " + cameraId + ": cannot open " + target.describe()
                    + whyNotOpened(target));
        }
        OpenCvFrameSource source = new OpenCvFrameSource(cameraId, target, clock, capture);
        log.info("camera {}: opened {} with {}: {}x{} at {} fps", cameraId, target.describe(),
                capture.getBackendName(), source.width, source.height, source.fps);
        return source;
    }

    private static VideoCapture openCapture(CaptureTarget target) {
        if (target instanceof CaptureTarget.Device device) {
            return device.node() != null
                    ? new VideoCapture(device.node(), Videoio.CAP_V4L2)
                    : new VideoCapture(device.index(), Videoio.CAP_V4L2);
        }
        String name = target instanceof CaptureTarget.VideoFile file
                ? file.path().toString()
                : ((CaptureTarget.Stream) target).url().toString();
        return new VideoCapture(name, Videoio.CAP_ANY);
    }

    private static String whyNotOpened(CaptureTarget target) {
        if (target instanceof CaptureTarget.Device) {
            return " (missing, busy, or not a capture device)";
        }
        VideoIoBackends backends = VideoIoBackends.ofLoadedLibrary();
        if (!backends.decodesStreams()) {
            return ": this OpenCV build (" + org.opencv.core.Core.getVersionString()
                    + ") has no FFmpeg or GStreamer backend, so it reads only MJPEG .avi files and V4L2 devices,"
                    + " not mp4/mkv files or RTSP/HTTP streams. Install Debian's libopencv-java and run with"
                    + " -Denforce.opencv=system (see DEPENDENCIES.md), or re-encode the file as MJPEG .avi";
        }
        return target instanceof CaptureTarget.Stream
                ? " (unreachable, refused, or a format no backend decodes)"
                : " (corrupt or a format no backend decodes)";
    }

    @Override
    public Optional<Frame> next() throws FrameSourceException {
        if (closed) {
            throw new FrameSourceException("camera " + cameraId + ": " + target.describe() + " is closed");
        }
        if (ended) {
            return Optional.empty();
        }
        int failures = 0;
        while (true) {
            boolean read = capture.read(buffer);
            Instant capturedAt = clock.instant();
            long sequence = nextSequence++;
            if (read && !buffer.empty()) {
                try {
                    Frame frame = FrameMats.toFrame(buffer, cameraId, sequence, capturedAt);
                    width = frame.width();
                    height = frame.height();
                    return Optional.of(frame);
                } catch (IllegalArgumentException e) {
                    countCorrupt(sequence, e.getMessage());
                }
            } else if (!read && atEndOfFile()) {
                nextSequence--;
                ended = true;
                log.info("camera {}: end of {} after {} frames ({} corrupt)", cameraId, target.describe(),
                        nextSequence, corrupt);
                return Optional.empty();
            } else {
                countCorrupt(sequence, read ? "empty frame" : "read failed");
            }
            if (++failures >= MAX_CONSECUTIVE_FAILURES) {
                throw new FrameSourceException("camera " + cameraId + ": " + failures
                        + " consecutive frames could not be read from " + target.describe()
                        + " (device gone or stream broken)");
            }
        }
    }

    private boolean atEndOfFile() {
        if (!(target instanceof CaptureTarget.VideoFile)) {
            return false;
        }
        return frameCount <= 0 || capture.get(Videoio.CAP_PROP_POS_FRAMES) >= frameCount;
    }

    private void countCorrupt(long sequence, String why) {
        corrupt++;
        if (corrupt == 1 || corrupt % 100 == 0) {
            log.warn("camera {}: skipped corrupt frame #{} from {} ({}); {} so far", cameraId, sequence,
                    target.describe(), why, corrupt);
        }
    }

    @Override
    public String cameraId() {
        return cameraId;
    }

    @Override
    public long corruptFrames() {
        return corrupt;
    }

    /** Frame width in pixels: reported by the capture at open, then that of the last frame read. */
    public int width() {
        return width;
    }

    /** Frame height in pixels, as {@link #width()}. */
    public int height() {
        return height;
    }

    /** Frames per second the capture reports (a file's nominal rate); 0 when it does not say. */
    public double fps() {
        return fps;
    }

    public CaptureTarget target() {
        return target;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            capture.release();
            buffer.release();
        }
    }
}
