package tw.enforce.runtime.detect;

import java.util.List;
import tw.enforce.camera.Frame;

/**
 * Finds vehicles and people in a frame.
 *
 * <p>Failure contract: a frame the detector cannot process (wrong size for a fixed-size model
 * after letterboxing fails, engine error) throws {@link DetectorException} naming the frame; the
 * pipeline counts it and goes on with the next frame. Construction fails with a message naming the
 * model file when it is missing, unreadable or of an unexpected shape.
 */
public interface Detector extends AutoCloseable {

    List<Detection> detect(Frame frame) throws DetectorException;

    /** Human-readable identity for logs and evidence, e.g. "yolox_nano.onnx sha256:d39b…". */
    String description();

    @Override
    default void close() {
    }
}
