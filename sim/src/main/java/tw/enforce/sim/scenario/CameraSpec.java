package tw.enforce.sim.scenario;

import tw.enforce.runtime.geometry.CameraModel;

/**
 * The enforcement camera's image size and pose; every field is optional. The defaults suit the
 * usual road (stop line y = 0, exit line y = 20, two 3.5 m lanes): a mast arm 28 m beyond the exit
 * line, 6 m up over the lane divider, looking back at oncoming traffic through a long lens. A car at
 * the stop line is about 164 px wide, the stop line sits at v ≈ 259 and the exit line at v ≈ 624 of
 * a 1280×720 image, and a car 12 m before the stop line is still wholly in view.
 */
public record CameraSpec(Integer imageWidth, Integer imageHeight, Double x, Double y, Double mountHeight,
                         Double yawDeg, Double pitchDeg, Double focalPx) {

    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 720;

    public CameraSpec {
        imageWidth = imageWidth == null ? DEFAULT_WIDTH : imageWidth;
        imageHeight = imageHeight == null ? DEFAULT_HEIGHT : imageHeight;
        if (imageWidth < 16 || imageHeight < 16) {
            throw new IllegalArgumentException("camera image must be at least 16x16, was " + imageWidth + "x" + imageHeight);
        }
        x = Checks.finite(x == null ? 0.0 : x, "camera.x");
        y = Checks.finite(y == null ? 48.0 : y, "camera.y");
        mountHeight = Checks.positive(mountHeight == null ? 6.0 : mountHeight, "camera.mountHeight");
        yawDeg = Checks.finite(yawDeg == null ? 180.0 : yawDeg, "camera.yawDeg");
        pitchDeg = pitchDeg == null ? 8.5 : pitchDeg;
        if (!(pitchDeg > 0 && pitchDeg < 90)) {
            throw new IllegalArgumentException("camera.pitchDeg must be between 0 and 90 (looking down), was " + pitchDeg);
        }
        focalPx = Checks.positive(focalPx == null ? 4200.0 : focalPx, "camera.focalPx");
    }

    public static CameraSpec defaults() {
        return new CameraSpec(null, null, null, null, null, null, null, null);
    }

    public CameraModel toModel() {
        return new CameraModel(x, y, mountHeight, yawDeg, pitchDeg, focalPx, imageWidth, imageHeight);
    }
}
