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

    /**
     * Whether the model stretches every crop onto the same fixed character slots, so that reads of
     * one plate from slightly different crops line up character by character ({@link SlotVote}).
     */
    default boolean fixedSlots() {
        return false;
    }

    /** Name and model for logs and evidence. */
    String description();

    @Override
    default void close() {
    }
}
