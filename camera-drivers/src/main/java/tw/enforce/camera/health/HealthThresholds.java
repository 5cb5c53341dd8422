package tw.enforce.camera.health;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for {@link CameraHealthMonitor}. Pixel levels are 8-bit grey (0..255); fractions 0..1.
 *
 * @param noSignalAfter     no frame for this long raises {@link HealthFault#NO_SIGNAL}
 * @param raiseAfter        a picture condition must hold this long before its fault is raised
 * @param clearAfter        a raised fault clears after its condition has been absent this long
 * @param frozenMaxChange   frames with fewer changed pixels (by more than 1 level) than this fraction count as repeats
 * @param darkLevel         grey level at or below which a pixel is dark
 * @param darkFraction      more dark pixels than this fraction is {@link HealthFault#TOO_DARK}
 * @param saturatedLevel    grey level at or above which a pixel is saturated
 * @param saturatedFraction more saturated pixels than this fraction is {@link HealthFault#OVEREXPOSED}
 * @param blurRatio         sharpness below this fraction of the reference's is {@link HealthFault#BLURRED}
 * @param minSharpness      without a reference, sharpness below this (Laplacian variance) is blurred
 * @param lostTextureRatio  a grid cell whose edge energy fell below this fraction of the reference's has lost its texture
 * @param obstructedCells   more lost cells than this fraction of the textured ones is {@link HealthFault#OBSTRUCTED}
 * @param movedShift        a shift against the reference larger than this fraction of the width is {@link HealthFault#MOVED}
 */
public record HealthThresholds(Duration noSignalAfter, Duration raiseAfter, Duration clearAfter,
                               double frozenMaxChange, int darkLevel, double darkFraction,
                               int saturatedLevel, double saturatedFraction, double blurRatio, double minSharpness,
                               double lostTextureRatio, double obstructedCells, double movedShift) {

    public HealthThresholds {
        Objects.requireNonNull(noSignalAfter, "noSignalAfter");
        Objects.requireNonNull(raiseAfter, "raiseAfter");
        Objects.requireNonNull(clearAfter, "clearAfter");
        if (noSignalAfter.isNegative() || noSignalAfter.isZero() || raiseAfter.isNegative() || clearAfter.isNegative()) {
            throw new IllegalArgumentException("camera health: noSignalAfter must be positive, raiseAfter and"
                    + " clearAfter not negative, were " + noSignalAfter + ", " + raiseAfter + ", " + clearAfter);
        }
        fraction("frozenMaxChange", frozenMaxChange);
        fraction("darkFraction", darkFraction);
        fraction("saturatedFraction", saturatedFraction);
        fraction("blurRatio", blurRatio);
        fraction("lostTextureRatio", lostTextureRatio);
        fraction("obstructedCells", obstructedCells);
        fraction("movedShift", movedShift);
        if (darkLevel < 0 || saturatedLevel > 255 || darkLevel >= saturatedLevel) {
            throw new IllegalArgumentException("camera health: need 0 <= darkLevel < saturatedLevel <= 255, were "
                    + darkLevel + ", " + saturatedLevel);
        }
        if (minSharpness < 0) {
            throw new IllegalArgumentException("camera health: minSharpness must not be negative, was " + minSharpness);
        }
    }

    /**
     * Defaults for a fixed roadside camera at 5–30 fps: faults raised after 2 s (a passing bus may
     * darken or cover the view for a moment), cleared after 5 s of a good picture. On the sample road
     * video, passing traffic moved sharpness down to 0.82 of the first frame's and the phase-correlation
     * shift up to 0.012 of the width; a 3-pixel Gaussian defocus brought sharpness to 0.42.
     */
    public static HealthThresholds defaults() {
        return new HealthThresholds(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                0.001, 16, 0.95, 250, 0.6, 0.5, 2.0, 0.25, 0.3, 0.02);
    }

    private static void fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("camera health: " + name + " must be within 0..1, was " + value);
        }
    }
}
