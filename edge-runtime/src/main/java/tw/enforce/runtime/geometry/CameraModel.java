package tw.enforce.runtime.geometry;

/**
 * A pinhole camera at a surveyed pose: position in site metres (z = height above the road), yaw
 * (heading, degrees clockwise from +y, so 180 looks back along the approach at oncoming traffic),
 * pitch (degrees below horizontal) and a focal length in pixels with the principal point at the
 * image centre. The simulator renders with it; the unit itself only needs the ground homography
 * that surveyed point pairs give.
 */
public record CameraModel(double x, double y, double z, double yawDeg, double pitchDeg,
                          double focalPx, int imageWidth, int imageHeight) {

    /** Camera-frame coordinates (right, down, forward) of a world point; forward ≤ 0 is behind. */
    public double[] toCamera(double wx, double wy, double wz) {
        double yaw = Math.toRadians(yawDeg);
        double pitch = Math.toRadians(pitchDeg);
        double[] f = {Math.sin(yaw) * Math.cos(pitch), Math.cos(yaw) * Math.cos(pitch), -Math.sin(pitch)};
        double[] r = {Math.cos(yaw), -Math.sin(yaw), 0};
        double[] d = {f[1] * r[2] - f[2] * r[1], f[2] * r[0] - f[0] * r[2], f[0] * r[1] - f[1] * r[0]};
        double vx = wx - x, vy = wy - y, vz = wz - z;
        return new double[] {
            vx * r[0] + vy * r[1] + vz * r[2],
            vx * d[0] + vy * d[1] + vz * d[2],
            vx * f[0] + vy * f[1] + vz * f[2]};
    }

    /** Image point of a world point, or null when it is behind the camera. */
    public ImagePoint project(double wx, double wy, double wz) {
        double[] c = toCamera(wx, wy, wz);
        if (c[2] <= 1e-6) {
            return null;
        }
        return new ImagePoint(imageWidth / 2.0 + focalPx * c[0] / c[2], imageHeight / 2.0 + focalPx * c[1] / c[2]);
    }

    /** Distance along the optical axis to a world point, metres. */
    public double depth(double wx, double wy, double wz) {
        return toCamera(wx, wy, wz)[2];
    }

    /** Road-plane (z = 0) homography world → image. */
    public Homography groundToImage() {
        // reference points on the road ahead of the camera, 10–40 m out along its heading
        double yaw = Math.toRadians(yawDeg);
        double fx = Math.sin(yaw), fy = Math.cos(yaw);
        double[][] world = new double[5][];
        double[][] offsets = {{-5, 10}, {5, 10}, {-5, 40}, {5, 40}, {0, 25}};
        for (int i = 0; i < offsets.length; i++) {
            double side = offsets[i][0], ahead = offsets[i][1];
            world[i] = new double[] {x + fx * ahead + fy * side, y + fy * ahead - fx * side};
        }
        double[][] img = new double[world.length][];
        for (int i = 0; i < world.length; i++) {
            ImagePoint p = project(world[i][0], world[i][1], 0);
            if (p == null) {
                throw new IllegalStateException("road reference point behind camera: pose looks away from the road");
            }
            img[i] = new double[] {p.u(), p.v()};
        }
        return Homography.solve(world, img);
    }
}
