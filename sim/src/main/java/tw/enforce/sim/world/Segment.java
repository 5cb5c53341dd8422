package tw.enforce.sim.world;

/** Constant acceleration along the lane from {@code t0} (inclusive) to {@code t1}: s(t) = s0 + v0·τ + a·τ²/2. */
record Segment(double t0, double t1, double s0, double v0, double a) {

    double positionAt(double t) {
        double tau = t - t0;
        return s0 + v0 * tau + a * tau * tau / 2;
    }

    double speedAt(double t) {
        return v0 + a * (t - t0);
    }

    double endPosition() {
        return Double.isInfinite(t1) ? Double.POSITIVE_INFINITY : positionAt(t1);
    }

    /** First time in [t0, t1] at which s = y, or NaN. Written to stay exact when a = 0 or v0 = 0. */
    double timeAt(double y) {
        double d = y - s0;
        if (d < 0 || y > endPosition()) {
            return Double.NaN;
        }
        if (d == 0) {
            return t0;
        }
        double disc = v0 * v0 + 2 * a * d;
        if (disc < 0) {
            return Double.NaN;
        }
        double denom = v0 + Math.sqrt(disc);
        if (denom <= 0) {
            return Double.NaN;
        }
        return t0 + 2 * d / denom;
    }
}
