package tw.enforce.runtime.rule;

import tw.enforce.runtime.geometry.WorldPoint;

/** A no-crossing line (double yellow or white) from one surveyed end to the other, site metres. */
public record PaintedLine(String id, String colour, WorldPoint from, WorldPoint to) {
    public PaintedLine {
        if (from == null || to == null || from.distanceTo(to) < 1e-6) {
            throw new IllegalArgumentException("line " + id + ": needs two distinct ends, got " + from + " and " + to);
        }
    }

    public double lengthM() {
        return from.distanceTo(to);
    }

    /** Signed distance of (x, y) from the line, positive to the left looking from {@code from} to {@code to}. */
    double side(double x, double y) {
        double dx = (to.x() - from.x()) / lengthM();
        double dy = (to.y() - from.y()) / lengthM();
        return -dy * (x - from.x()) + dx * (y - from.y());
    }

    /** Position of (x, y) along the line from {@code from}, metres. */
    double along(double x, double y) {
        double dx = (to.x() - from.x()) / lengthM();
        double dy = (to.y() - from.y()) / lengthM();
        return dx * (x - from.x()) + dy * (y - from.y());
    }
}
