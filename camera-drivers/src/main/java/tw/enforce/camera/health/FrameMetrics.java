package tw.enforce.camera.health;

/**
 * What {@link FrameAnalyzer} measured on one frame. Reference fields are NaN when no reference view
 * is set, {@code changedFraction} is NaN for the first frame.
 *
 * @param darkFraction       fraction of pixels at or below the dark level
 * @param saturatedFraction  fraction of pixels at or above the saturated level
 * @param sharpness          variance of the Laplacian of the grey image
 * @param changedFraction    fraction of pixels that changed by more than one level since the previous frame
 * @param referenceSharpness the reference view's sharpness
 * @param lostTexture        fraction of the reference's textured grid cells whose edge energy collapsed
 * @param shift              shift against the reference found by phase correlation, as a fraction of the width
 */
public record FrameMetrics(double darkFraction, double saturatedFraction, double sharpness, double changedFraction,
                           double referenceSharpness, double lostTexture, double shift) {
}
