package tw.enforce.runtime.plate;

import java.util.Optional;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * Reads the licence plate of one vehicle in one frame. Give it the highest-resolution frame
 * available and the vehicle's box in that frame's pixels.
 *
 * <p>Failure contract: an engine error throws {@link PlateReaderException} naming the frame; the
 * caller counts it and goes on. No legible plate gives an empty result. A read that fails format
 * validation is returned with {@code formatValid=false} and low confidence, never altered into
 * another valid plate.
 */
public interface PlateReader extends AutoCloseable {

    Optional<PlateRead> read(Frame frame, BoundingBox vehicle) throws PlateReaderException;

    /** Models used, for logs and evidence. */
    String description();

    @Override
    default void close() {
    }
}
