package tw.enforce.runtime.evidence.privacy;

import java.util.List;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * Finds faces in an image. Failure contract: a finder that cannot run throws
 * {@link IllegalStateException} naming what failed; an image without faces gives an empty list.
 */
public interface FaceFinder extends AutoCloseable {

    /** Face boxes in the image's own pixels. */
    List<BoundingBox> find(Frame image);

    @Override
    default void close() {
    }
}
