package tw.enforce.sim.render;

import java.util.List;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.sim.scene.RoadLayout;

/**
 * The still part of the picture, ray-cast once per pixel (2×2 supersampled so far lane lines do
 * not shimmer): the road plane with its paint, kerbs and pavements, building fronts along both
 * sides with a gap where the cross street runs through the junction, and sky. It also keeps, per
 * pixel, where the ray met the road, so shadows and headlight pools can be lit in road metres.
 */
final class Backdrop {
    static final double KERB_M = 0.25;
    static final double PAVEMENT_M = 3.5;
    private final int width, height;
    private final int[] day;
    private final float[] groundX, groundY;

    Backdrop(CameraModel cam, RoadLayout road, long seed) {
        this.width = cam.imageWidth();
        this.height = cam.imageHeight();
        this.day = new int[width * height];
        this.groundX = new float[width * height];
        this.groundY = new float[width * height];
        Scenery scenery = new Scenery(road, new Noise(seed));
        double[][] axes = axes(cam);
        double[] r = axes[0], d = axes[1], f = axes[2];
        double cx = width / 2.0, cy = height / 2.0;
        double[] rgb = new double[3], sample = new double[3];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                rgb[0] = rgb[1] = rgb[2] = 0;
                for (int s = 0; s < 4; s++) {
                    double du = (u + 0.25 + 0.5 * (s & 1) - cx) / cam.focalPx();
                    double dv = (v + 0.25 + 0.5 * (s >> 1) - cy) / cam.focalPx();
                    double rx = r[0] * du + d[0] * dv + f[0], ry = r[1] * du + d[1] * dv + f[1], rz = r[2] * du + d[2] * dv + f[2];
                    scenery.trace(cam.x(), cam.y(), cam.z(), rx, ry, rz, sample);
                    rgb[0] += sample[0];
                    rgb[1] += sample[1];
                    rgb[2] += sample[2];
                }
                int i = v * width + u;
                day[i] = pack(rgb[0] / 4, rgb[1] / 4, rgb[2] / 4);
                double du = (u + 0.5 - cx) / cam.focalPx(), dv = (v + 0.5 - cy) / cam.focalPx();
                double rz = r[2] * du + d[2] * dv + f[2];
                if (rz < -1e-6) {
                    double t = -cam.z() / rz;
                    groundX[i] = (float) (cam.x() + t * (r[0] * du + d[0] * dv + f[0]));
                    groundY[i] = (float) (cam.y() + t * (r[1] * du + d[1] * dv + f[1]));
                } else {
                    groundX[i] = groundY[i] = Float.NaN;
                }
            }
        }
    }

    /** Camera right, down and forward unit vectors in site coordinates (as in {@link CameraModel#toCamera}). */
    static double[][] axes(CameraModel cam) {
        double yaw = Math.toRadians(cam.yawDeg()), pitch = Math.toRadians(cam.pitchDeg());
        double[] f = {Math.sin(yaw) * Math.cos(pitch), Math.cos(yaw) * Math.cos(pitch), -Math.sin(pitch)};
        double[] r = {Math.cos(yaw), -Math.sin(yaw), 0};
        double[] d = {f[1] * r[2] - f[2] * r[1], f[2] * r[0] - f[0] * r[2], f[0] * r[1] - f[1] * r[0]};
        return new double[][] {r, d, f};
    }

    static int pack(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    static int clamp(double c) {
        return c <= 0 ? 0 : c >= 255 ? 255 : (int) (c + 0.5);
    }

    int[] day() {
        return day;
    }

    float groundX(int i) {
        return groundX[i];
    }

    float groundY(int i) {
        return groundY[i];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    static double roadMinX(RoadLayout road) {
        return road.laneBoundariesX().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    static double roadMaxX(RoadLayout road) {
        return road.laneBoundariesX().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    static void requireLanes(RoadLayout road) {
        List<Double> b = road.laneBoundariesX();
        if (b == null || b.size() < 2) {
            throw new IllegalArgumentException("road layout needs at least two lane boundaries, got " + b);
        }
    }
}
