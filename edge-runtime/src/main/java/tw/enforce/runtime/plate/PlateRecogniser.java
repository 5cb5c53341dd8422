package tw.enforce.runtime.plate;

import tw.enforce.camera.Frame;

/**
 * Reads the characters of one plate crop.
 *
 * <p>Failure contract: an engine error throws {@link PlateReaderException} naming the crop; a crop
 * with nothing legible gives {@link PlateText#NOTHING}, never an exception.
 */
public interface PlateRecogniser extends AutoCloseable {

    PlateText recognise(Frame plateCrop) throws PlateReaderException;

    /** Name and model for logs and evidence. */
    String description();

    @Override
    default void close() {
    }
}
