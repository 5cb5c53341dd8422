package tw.enforce.sim.render;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tw.enforce.sim.sprite.PlateQuad;
import tw.enforce.sim.sprite.Sprite;
import tw.enforce.sim.sprite.SpriteKind;

/**
 * Scales a sprite into a box of the frame with alpha blending. Each sprite is prepared once: its
 * photographed plate painted over (bumper colour carried across from both sides, so the new plate
 * does not sit on the old one) and a pyramid of halved copies in premultiplied alpha, so shrinking
 * a 500 px car to 60 px samples an averaged level instead of aliasing.
 */
final class SpriteBlitter {
    private record Level(int w, int h, int[] premul) {
    }

    private final Map<String, List<Level>> prepared = new ConcurrentHashMap<>();

    /** Draws {@code s} stretched to [x1,x2)×[y1,y2) into {@code dst}, colours scaled by {@code tint}. */
    void draw(int[] dst, int dw, int dh, Sprite s, double x1, double y1, double x2, double y2, double tint) {
        double bw = x2 - x1, bh = y2 - y1;
        if (bw < 1 || bh < 1) {
            return;
        }
        List<Level> levels = prepared.computeIfAbsent(s.id(), k -> prepare(s));
        Level lv = levels.get(0);
        for (Level l : levels) {
            if (l.w() >= bw && l.h() >= bh) {
                lv = l;
            }
        }
        int u0 = Math.max(0, (int) Math.floor(x1)), u1 = Math.min(dw, (int) Math.ceil(x2));
        int v0 = Math.max(0, (int) Math.floor(y1)), v1 = Math.min(dh, (int) Math.ceil(y2));
        if (u1 <= u0 || v1 <= v0) {
            return;
        }
        double sx = lv.w() / bw, sy = lv.h() / bh;
        int stride = lv.w() + 2; // levels carry a transparent 1-px border: no bounds checks below
        int[] col = new int[u1 - u0];
        double[] colT = new double[u1 - u0];
        for (int u = u0; u < u1; u++) {
            double fx = Math.max(-1, Math.min(lv.w() - 1, (u + 0.5 - x1) * sx - 0.5));
            int ix = (int) Math.floor(fx);
            col[u - u0] = ix + 1;
            colT[u - u0] = fx - ix;
        }
        int[] src = lv.premul();
        for (int v = v0; v < v1; v++) {
            double fy = Math.max(-1, Math.min(lv.h() - 1, (v + 0.5 - y1) * sy - 0.5));
            int iy = (int) Math.floor(fy);
            double ty = fy - iy;
            int row0 = (iy + 1) * stride, row1 = row0 + stride;
            for (int c = 0; c < col.length; c++) {
                int p00 = src[row0 + col[c]], p10 = src[row0 + col[c] + 1], p01 = src[row1 + col[c]], p11 = src[row1 + col[c] + 1];
                if ((p00 | p10 | p01 | p11) == 0) {
                    continue;
                }
                double tx = colT[c];
                double w00 = (1 - tx) * (1 - ty), w10 = tx * (1 - ty), w01 = (1 - tx) * ty, w11 = tx * ty;
                double a = (ch(p00, 24) * w00 + ch(p10, 24) * w10 + ch(p01, 24) * w01 + ch(p11, 24) * w11) / 255.0;
                if (a <= 0.002) {
                    continue;
                }
                double r = ch(p00, 16) * w00 + ch(p10, 16) * w10 + ch(p01, 16) * w01 + ch(p11, 16) * w11;
                double g = ch(p00, 8) * w00 + ch(p10, 8) * w10 + ch(p01, 8) * w01 + ch(p11, 8) * w11;
                double b = ch(p00, 0) * w00 + ch(p10, 0) * w10 + ch(p01, 0) * w01 + ch(p11, 0) * w11;
                int i = v * dw + u0 + c;
                int d = dst[i];
                double keep = 1 - Math.min(1, a);
                dst[i] = Backdrop.pack(r * tint + ch(d, 16) * keep, g * tint + ch(d, 8) * keep, b * tint + ch(d, 0) * keep);
            }
        }
    }

    private static int ch(int p, int shift) {
        return (p >>> shift) & 0xFF;
    }

    private static List<Level> prepare(Sprite s) {
        BufferedImage img = s.image();
        int w = img.getWidth(), h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        if (s.kind() == SpriteKind.VEHICLE && s.plate() != null && !s.degraded()) { // photographed plate only
            coverPlate(argb, w, h, s.plate());
        }
        int[] pm = new int[w * h];
        for (int i = 0; i < pm.length; i++) {
            int a = argb[i] >>> 24;
            pm[i] = a << 24 | (ch(argb[i], 16) * a / 255) << 16 | (ch(argb[i], 8) * a / 255) << 8 | ch(argb[i], 0) * a / 255;
        }
        List<Level> levels = new ArrayList<>();
        levels.add(padded(w, h, pm));
        while (w >= 16 && h >= 16) {
            int nw = w / 2, nh = h / 2;
            int[] next = new int[nw * nh];
            for (int y = 0; y < nh; y++) {
                for (int x = 0; x < nw; x++) {
                    int[] q = {pm[2 * y * w + 2 * x], pm[2 * y * w + 2 * x + 1], pm[(2 * y + 1) * w + 2 * x], pm[(2 * y + 1) * w + 2 * x + 1]};
                    int px = 0;
                    for (int shift = 0; shift <= 24; shift += 8) {
                        px |= ((ch(q[0], shift) + ch(q[1], shift) + ch(q[2], shift) + ch(q[3], shift) + 2) / 4) << shift;
                    }
                    next[y * nw + x] = px;
                }
            }
            levels.add(padded(nw, nh, next));
            pm = next;
            w = nw;
            h = nh;
        }
        return levels;
    }

    private static Level padded(int w, int h, int[] px) {
        int[] out = new int[(w + 2) * (h + 2)];
        for (int y = 0; y < h; y++) {
            System.arraycopy(px, y * w, out, (y + 1) * (w + 2) + 1, w);
        }
        return new Level(w, h, out);
    }

    /** Paints over the photographed plate by carrying the colours left and right of it across. */
    private static void coverPlate(int[] argb, int w, int h, PlateQuad q) {
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (var p : q.corners()) {
            minU = Math.min(minU, p.u());
            maxU = Math.max(maxU, p.u());
            minV = Math.min(minV, p.v());
            maxV = Math.max(maxV, p.v());
        }
        double padU = (maxU - minU) * 0.06, padV = (maxV - minV) * 0.25;
        int l = Math.max(0, (int) (minU - padU)), r = Math.min(w - 1, (int) Math.ceil(maxU + padU));
        int t = Math.max(0, (int) (minV - padV)), b = Math.min(h - 1, (int) Math.ceil(maxV + padV));
        if (r - l < 3 || b - t < 1) {
            return;
        }
        for (int y = t; y <= b; y++) {
            int left = argb[y * w + l], right = argb[y * w + r];
            for (int x = l + 1; x < r; x++) {
                double f = (x - l) / (double) (r - l);
                int a = argb[y * w + x] >>> 24;
                int rr = (int) (ch(left, 16) * (1 - f) + ch(right, 16) * f);
                int gg = (int) (ch(left, 8) * (1 - f) + ch(right, 8) * f);
                int bb = (int) (ch(left, 0) * (1 - f) + ch(right, 0) * f);
                argb[y * w + x] = a << 24 | rr << 16 | gg << 8 | bb;
            }
        }
    }
}
