package tw.enforce.sim.render;

import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorState;

/**
 * Light on the road, computed in road metres through the backdrop's per-pixel ground points: the
 * soft contact shadow under an actor (overcast daylight: straight down, blurred), and at night the
 * pool a vehicle's headlights throw ahead of it.
 */
final class Lighting {
    private static final double POOL_M = 14;
    private final CameraModel cam;
    private final Backdrop backdrop;

    Lighting(CameraModel cam, Backdrop backdrop) {
        this.cam = cam;
        this.backdrop = backdrop;
    }

    void shadow(int[] frame, ActorState a, double strength) {
        boolean person = a.kind() == ActorKind.PEDESTRIAN;
        double len = person ? 0.5 : a.lengthM();
        double halfW = person ? 0.3 : a.widthM() / 2;
        double back = person ? -len / 2 : -len;
        double front = person ? len / 2 : 0;
        apply(frame, a, back - 0.6, front + 0.6, halfW + 0.6, (along, across) -> {
            double dx = Math.max(0, Math.max(back - along, along - front));
            double dy = Math.max(0, Math.abs(across) - halfW);
            double d2 = dx * dx + dy * dy;
            if (d2 > 0) {
                double f = Math.max(0, 1 - d2 / 0.3);
                return -strength * 0.6 * f * f;
            }
            double inside = Math.min(halfW - Math.abs(across), Math.min(along - back, front - along));
            return -strength * (0.6 + 0.4 * Math.min(1, inside / 0.4));
        });
    }

    void headlightPool(int[] frame, ActorState a) {
        apply(frame, a, 0, POOL_M, 3.5, (along, across) -> {
            double spread = 0.9 + 0.15 * along;
            double side = Math.max(0, 1 - across * across / (spread * spread));
            double reach = 1 - along / POOL_M;
            return 0.55 * reach * reach * side * Math.min(1, along / 1.5);
        });
    }

    private interface Field {
        /** Negative darkens (fraction), positive adds light (fraction of full white). */
        double at(double along, double across);
    }

    private void apply(int[] frame, ActorState a, double alongMin, double alongMax, double acrossMax, Field field) {
        double h = Math.toRadians(a.headingDeg());
        double fx = Math.sin(h), fy = Math.cos(h), rx = Math.cos(h), ry = -Math.sin(h);
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (double al : new double[] {alongMin, alongMax}) {
            for (double ac : new double[] {-acrossMax, acrossMax}) {
                ImagePoint p = cam.project(a.x() + fx * al + rx * ac, a.y() + fy * al + ry * ac, 0);
                if (p == null) {
                    continue;
                }
                minU = Math.min(minU, p.u());
                maxU = Math.max(maxU, p.u());
                minV = Math.min(minV, p.v());
                maxV = Math.max(maxV, p.v());
            }
        }
        int w = backdrop.width(), hgt = backdrop.height();
        int u0 = Math.max(0, (int) minU), u1 = Math.min(w, (int) Math.ceil(maxU) + 1);
        int v0 = Math.max(0, (int) minV), v1 = Math.min(hgt, (int) Math.ceil(maxV) + 1);
        for (int v = v0; v < v1; v++) {
            for (int u = u0; u < u1; u++) {
                int i = v * w + u;
                float gx = backdrop.groundX(i);
                if (Float.isNaN(gx)) {
                    continue;
                }
                double dx = gx - a.x(), dy = backdrop.groundY(i) - a.y();
                double along = dx * fx + dy * fy, across = dx * rx + dy * ry;
                if (along < alongMin || along > alongMax || Math.abs(across) > acrossMax) {
                    continue;
                }
                double k = field.at(along, across);
                if (Math.abs(k) < 0.004) {
                    continue;
                }
                int p = frame[i];
                int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                frame[i] = k < 0
                        ? Backdrop.pack(r * (1 + k), g * (1 + k), b * (1 + k))
                        : Backdrop.pack(r + 255 * k, g + 240 * k, b + 200 * k);
            }
        }
    }
}
