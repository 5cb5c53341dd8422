package tw.enforce.camera;

/** A frame source that cannot be read at all; the message names the source. */
public class FrameSourceException extends Exception {
    public FrameSourceException(String message) {
        super(message);
    }

    public FrameSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
