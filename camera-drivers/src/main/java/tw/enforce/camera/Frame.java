package tw.enforce.camera;

import java.time.Instant;
import java.util.Objects;

/**
 * One captured image, owned by the pipeline: packed 8-bit BGR pixels (OpenCV's order, row-major,
 * {@code width * height * 3} bytes), the capture time from the source's injected clock and the
 * source's sequence number. An OpenCV {@code Mat} never crosses a port; this does.
 *
 * <p>The pixel array is shared, not copied: stages must treat it as read-only.
 */
public record Frame(String cameraId, long sequence, Instant capturedAt, int width, int height, byte[] bgr) {

    public Frame {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(bgr, "bgr");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, was " + width + "x" + height);
        }
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException("frame " + cameraId + "#" + sequence + ": expected "
                    + (width * height * 3) + " BGR bytes for " + width + "x" + height + ", got " + bgr.length);
        }
    }

    @Override
    public String toString() {
        return "Frame[" + cameraId + "#" + sequence + " " + width + "x" + height + " @" + capturedAt + "]";
    }
}
