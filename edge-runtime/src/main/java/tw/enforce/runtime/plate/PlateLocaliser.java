package tw.enforce.runtime.plate;

import java.util.List;
import tw.enforce.camera.Frame;

/**
 * Finds licence plates in an image (usually a vehicle's crop).
 *
 * <p>Failure contract: an engine error throws {@link PlateReaderException} naming the image; an
 * image without plates gives an empty list, never an exception.
 */
public interface PlateLocaliser extends AutoCloseable {

    /** Plates found, best first, in the image's own pixels. */
    List<PlateCandidate> locate(Frame image) throws PlateReaderException;

    @Override
    default void close() {
    }
}
