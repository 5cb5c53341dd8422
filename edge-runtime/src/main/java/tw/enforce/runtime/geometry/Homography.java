package tw.enforce.runtime.geometry;

import java.util.List;

/**
 * A plane-to-plane projective map, here image pixels ↔ road metres. Solved from four or more
 * surveyed point pairs by the normalised direct linear transform (least squares on h33 = 1), so it
 * needs no OpenCV and gives the same answer on the unit and at the center.
 */
public final class Homography {
    private final double[] h; // row-major 3x3

    public Homography(double[] rowMajor3x3) {
        if (rowMajor3x3.length != 9) {
            throw new IllegalArgumentException("a homography has 9 coefficients, got " + rowMajor3x3.length);
        }
        this.h = rowMajor3x3.clone();
    }

    /** Image → world homography from surveyed pairs. */
    public static Homography imageToWorld(List<PointPair> pairs) {
        double[][] src = new double[pairs.size()][];
        double[][] dst = new double[pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            src[i] = new double[] {pairs.get(i).image().u(), pairs.get(i).image().v()};
            dst[i] = new double[] {pairs.get(i).world().x(), pairs.get(i).world().y()};
        }
        return solve(src, dst);
    }

    /**
     * Solves dst ~ H·src. Throws {@link IllegalArgumentException} when fewer than four pairs are
     * given or they are degenerate (three or more collinear leave the system singular).
     */
    public static Homography solve(double[][] src, double[][] dst) {
        int n = src.length;
        if (n < 4 || dst.length != n) {
            throw new IllegalArgumentException("a homography needs at least 4 point pairs, got " + n);
        }
        double[] ns = normaliser(src);
        double[] nd = normaliser(dst);
        double[][] ata = new double[8][8];
        double[] atb = new double[8];
        for (int i = 0; i < n; i++) {
            double x = (src[i][0] - ns[0]) * ns[2];
            double y = (src[i][1] - ns[1]) * ns[2];
            double u = (dst[i][0] - nd[0]) * nd[2];
            double v = (dst[i][1] - nd[1]) * nd[2];
            double[][] rows = {
                {x, y, 1, 0, 0, 0, -u * x, -u * y},
                {0, 0, 0, x, y, 1, -v * x, -v * y}};
            double[] rhs = {u, v};
            for (int r = 0; r < 2; r++) {
                for (int a = 0; a < 8; a++) {
                    atb[a] += rows[r][a] * rhs[r];
                    for (int b = 0; b < 8; b++) {
                        ata[a][b] += rows[r][a] * rows[r][b];
                    }
                }
            }
        }
        double[] p = Linear.solve(ata, atb);
        if (p == null) {
            throw new IllegalArgumentException("point pairs are degenerate (collinear or repeated): no homography");
        }
        double[] hn = {p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], 1};
        // undo normalisation: H = Td^-1 · Hn · Ts
        double[] ts = {ns[2], 0, -ns[2] * ns[0], 0, ns[2], -ns[2] * ns[1], 0, 0, 1};
        double[] tdInv = {1 / nd[2], 0, nd[0], 0, 1 / nd[2], nd[1], 0, 0, 1};
        Homography result = new Homography(mul(tdInv, mul(hn, ts)));
        if (!result.isFinite()) {
            throw new IllegalArgumentException("point pairs are degenerate: homography is not finite");
        }
        return result;
    }

    public WorldPoint toWorld(ImagePoint p) {
        double[] r = apply(p.u(), p.v());
        return new WorldPoint(r[0], r[1]);
    }

    public ImagePoint toImage(WorldPoint p) {
        double[] r = apply(p.x(), p.y());
        return new ImagePoint(r[0], r[1]);
    }

    public double[] apply(double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }

    public Homography inverse() {
        double a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7], i = h[8];
        double det = a * (e * i - f * hh) - b * (d * i - f * g) + c * (d * hh - e * g);
        if (Math.abs(det) < 1e-15) {
            throw new IllegalStateException("homography is singular");
        }
        return new Homography(new double[] {
            (e * i - f * hh) / det, (c * hh - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * hh - e * g) / det, (b * g - a * hh) / det, (a * e - b * d) / det});
    }

    /** Root-mean-square distance, in world metres, between surveyed and mapped world points. */
    public double rmsErrorMetres(List<PointPair> pairs) {
        double sum = 0;
        for (PointPair pp : pairs) {
            sum += Math.pow(toWorld(pp.image()).distanceTo(pp.world()), 2);
        }
        return Math.sqrt(sum / pairs.size());
    }

    public double[] coefficients() {
        return h.clone();
    }

    private boolean isFinite() {
        for (double v : h) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] normaliser(double[][] pts) {
        double mx = 0, my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= pts.length;
        my /= pts.length;
        double d = 0;
        for (double[] p : pts) {
            d += Math.hypot(p[0] - mx, p[1] - my);
        }
        d /= pts.length;
        return new double[] {mx, my, d == 0 ? 1 : Math.sqrt(2) / d};
    }

    static double[] mul(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
            }
        }
        return r;
    }
}
