package tw.enforce.sim.render;

import java.awt.image.BufferedImage;
import tw.enforce.runtime.geometry.Homography;
import tw.enforce.runtime.geometry.ImagePoint;

/** Perspective-maps a plate face onto a quadrilateral of the frame (inverse mapping, bilinear). */
final class PlateWarp {
    private PlateWarp() {
    }

    /** {@code quad}: frame corners clockwise from top left; {@code brightness} scales the face (1 = as drawn). */
    static void draw(int[] dst, int dw, int dh, BufferedImage plate, ImagePoint[] quad, double brightness) {
        int pw = plate.getWidth(), ph = plate.getHeight();
        double[][] from = new double[4][], to = {{0, 0}, {pw, 0}, {pw, ph}, {0, ph}};
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            from[i] = new double[] {quad[i].u(), quad[i].v()};
            minU = Math.min(minU, quad[i].u());
            maxU = Math.max(maxU, quad[i].u());
            minV = Math.min(minV, quad[i].v());
            maxV = Math.max(maxV, quad[i].v());
        }
        if (maxU - minU < 2 || maxV - minV < 1) {
            return;
        }
        Homography toPlate = Homography.solve(from, to);
        int[] px = plate.getRGB(0, 0, pw, ph, null, 0, pw);
        for (int v = Math.max(0, (int) minV); v < Math.min(dh, (int) Math.ceil(maxV)); v++) {
            for (int u = Math.max(0, (int) minU); u < Math.min(dw, (int) Math.ceil(maxU)); u++) {
                double[] s = toPlate.apply(u + 0.5, v + 0.5);
                double fx = s[0] - 0.5, fy = s[1] - 0.5;
                if (s[0] < 0 || s[1] < 0 || s[0] >= pw || s[1] >= ph) {
                    continue;
                }
                int ix = (int) Math.floor(fx), iy = (int) Math.floor(fy);
                double tx = fx - ix, ty = fy - iy;
                int x0 = Math.max(0, ix), y0 = Math.max(0, iy), x1 = Math.min(pw - 1, ix + 1), y1 = Math.min(ph - 1, iy + 1);
                double r = 0, g = 0, b = 0;
                int[] idx = {y0 * pw + x0, y0 * pw + x1, y1 * pw + x0, y1 * pw + x1};
                double[] wt = {(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty};
                for (int k = 0; k < 4; k++) {
                    r += ((px[idx[k]] >> 16) & 0xFF) * wt[k];
                    g += ((px[idx[k]] >> 8) & 0xFF) * wt[k];
                    b += (px[idx[k]] & 0xFF) * wt[k];
                }
                dst[v * dw + u] = Backdrop.pack(r * brightness, g * brightness, b * brightness);
            }
        }
    }
}
