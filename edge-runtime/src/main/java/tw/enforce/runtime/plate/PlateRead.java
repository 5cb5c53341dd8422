package tw.enforce.runtime.plate;

import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * One plate read from one frame.
 *
 * @param text        the plate, normalised when {@code formatValid}, else the raw letters and digits
 * @param rawText     what the recogniser read, before format normalisation
 * @param confidence  in [0,1]; a read that fails format validation is capped at {@link #INVALID_CAP}
 * @param formatValid whether the text fits a plate layout of the configured format
 * @param plateBox    where the plate is, in the frame's pixels
 * @param crop        the straightened plate image the text was read from (evidence)
 */
public record PlateRead(String text, String rawText, double confidence, boolean formatValid, BoundingBox plateBox,
                        Frame crop) {
    public static final double INVALID_CAP = 0.3;
}
