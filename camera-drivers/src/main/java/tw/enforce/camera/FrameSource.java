package tw.enforce.camera;

import java.util.Optional;

/**
 * A camera, a video file, a folder of images or a simulator: anything that yields frames in order.
 *
 * <p>Failure contract: {@link #next()} returns {@code Optional.empty()} only at a clean end of
 * stream (a file or a scenario that is over). A frame that cannot be decoded is counted in
 * {@link #corruptFrames()} and skipped, never returned and never thrown. A source that cannot be
 * read at all (device gone, file missing) throws {@link FrameSourceException} naming the source;
 * the caller decides whether to retry.
 */
public interface FrameSource extends AutoCloseable {

    /** The next frame, blocking until one is available; empty at the end of the stream. */
    Optional<Frame> next() throws FrameSourceException;

    /** Camera id stamped on every frame of this source. */
    String cameraId();

    /** Frames that could not be decoded and were skipped. */
    default long corruptFrames() {
        return 0;
    }

    @Override
    void close();
}
