package tw.enforce.runtime.track;

import tw.enforce.runtime.detect.BoundingBox;

/**
 * ByteTrack's (SORT's) Kalman filter on a box: state centre x, centre y, aspect w/h, height and
 * their velocities, constant-velocity motion, noise proportional to the box height (position 1/20,
 * velocity 1/160). ByteTrack's process and measurement noise are diagonal and each velocity drives
 * only its own coordinate, so the 8-state filter is exactly four independent 2-state filters; that
 * is how it is computed here, with no matrix library.
 */
final class BoxKalman {
    private static final double POS = 1.0 / 20;
    private static final double VEL = 1.0 / 160;

    private final double[] x = new double[4];  // cx, cy, a, h
    private final double[] v = new double[4];
    private final double[] pxx = new double[4]; // covariance per coordinate: [[pxx, pxv], [pxv, pvv]]
    private final double[] pxv = new double[4];
    private final double[] pvv = new double[4];

    BoxKalman(BoundingBox b) {
        double[] m = measure(b);
        double h = m[3];
        double[] posStd = {2 * POS * h, 2 * POS * h, 1e-2, 2 * POS * h};
        double[] velStd = {10 * VEL * h, 10 * VEL * h, 1e-5, 10 * VEL * h};
        for (int i = 0; i < 4; i++) {
            x[i] = m[i];
            pxx[i] = posStd[i] * posStd[i];
            pvv[i] = velStd[i] * velStd[i];
        }
    }

    /** The box expected {@code steps} frames after the last update, without changing the filter. */
    BoundingBox predicted(double steps) {
        double[] p = new double[4];
        for (int i = 0; i < 4; i++) {
            p[i] = x[i] + v[i] * steps;
        }
        return box(p);
    }

    /** Advances the filter by {@code steps} frames and corrects it with the observed box. */
    void update(BoundingBox observed, double steps) {
        double h = Math.max(1, x[3]);
        double[] q = {POS * h, POS * h, 1e-2, POS * h};
        double[] qv = {VEL * h, VEL * h, 1e-5, VEL * h};
        double[] r = {POS * h, POS * h, 1e-1, POS * h};
        double[] m = measure(observed);
        for (int i = 0; i < 4; i++) {
            double dt = steps;
            // predict: F = [[1, dt], [0, 1]], Q added once per frame stepped
            x[i] += v[i] * dt;
            double nxx = pxx[i] + 2 * dt * pxv[i] + dt * dt * pvv[i] + q[i] * q[i] * dt;
            double nxv = pxv[i] + dt * pvv[i];
            double nvv = pvv[i] + qv[i] * qv[i] * dt;
            // update: H = [1, 0]
            double s = nxx + r[i] * r[i];
            double kx = nxx / s;
            double kv = nxv / s;
            double innovation = m[i] - x[i];
            x[i] += kx * innovation;
            v[i] += kv * innovation;
            pxx[i] = (1 - kx) * nxx;
            pxv[i] = (1 - kx) * nxv;
            pvv[i] = nvv - kv * nxv;
        }
    }

    private static double[] measure(BoundingBox b) {
        double h = Math.max(1e-6, b.height());
        return new double[] {b.centerX(), b.centerY(), b.width() / h, b.height()};
    }

    private static BoundingBox box(double[] s) {
        double h = Math.max(1, s[3]);
        double w = Math.max(1, s[2] * h);
        return new BoundingBox(s[0] - w / 2, s[1] - h / 2, s[0] + w / 2, s[1] + h / 2);
    }
}
