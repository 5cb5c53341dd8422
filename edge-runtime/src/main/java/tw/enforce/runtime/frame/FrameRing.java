package tw.enforce.runtime.frame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tw.enforce.camera.Frame;

/**
 * The pre-event buffer of one camera: the last few seconds of frames, kept JPEG-encoded so memory
 * stays bounded (a raw 1280×720 frame is 2.7 MB; its JPEG ~5% of that). Evidence images are taken
 * from here after the rule has decided, seconds after the moment they show. Pipeline thread only.
 */
public final class FrameRing {
    private final Duration window;
    private final Function<Frame, byte[]> encoder;
    private final Deque<EncodedFrame> frames = new ArrayDeque<>();
    private long bytes;

    public FrameRing(Duration window, Function<Frame, byte[]> encoder) {
        this.window = window;
        this.encoder = encoder;
    }

    public void add(Frame frame) {
        byte[] jpeg = encoder.apply(frame);
        frames.addLast(new EncodedFrame(frame.sequence(), frame.capturedAt(), frame.width(), frame.height(), jpeg));
        bytes += jpeg.length;
        Instant oldest = frame.capturedAt().minus(window);
        while (!frames.isEmpty() && frames.peekFirst().at().isBefore(oldest)) {
            bytes -= frames.removeFirst().jpeg().length;
        }
    }

    public Optional<EncodedFrame> find(long sequence) {
        for (EncodedFrame f : frames) {
            if (f.sequence() == sequence) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The frames held now, oldest first. */
    public List<EncodedFrame> frames() {
        return List.copyOf(frames);
    }

    public int size() {
        return frames.size();
    }

    public long bytes() {
        return bytes;
    }

    /** A frame as it was captured, JPEG-encoded once; these bytes become evidence unchanged. */
    public record EncodedFrame(long sequence, Instant at, int width, int height, byte[] jpeg) {
    }
}
