package tw.enforce.sim.world;

import java.util.ArrayList;
import java.util.List;

/**
 * The line a vehicle's front bumper follows, as a function of the path position p (metres along
 * the path, plus an offset). Built piece by piece from a cursor: straight runs, smooth lateral
 * shifts (lane changes, pulling in to park) and circular arcs (turns). For a vehicle on the
 * approach p equals its y up to the first arc, so a stop planned "at y" is planned at p = y.
 */
final class VehiclePath {
    /** One piece on [p0, p1]; {@link #at} gives x, y and heading (degrees clockwise from +y). */
    interface Piece {
        double p0();

        double p1();

        double[] at(double p);
    }

    record Straight(double p0, double p1, double x0, double y0, double headingDeg) implements Piece {
        public double[] at(double p) {
            double h = Math.toRadians(headingDeg);
            double d = p - p0;
            return new double[] {x0 + Math.sin(h) * d, y0 + Math.cos(h) * d, headingDeg};
        }
    }

    /** Travel along ±y while moving sideways by dx on a half-cosine; p advances with y. */
    record Shift(double p0, double p1, double x0, double y0, int dir, double dx) implements Piece {
        public double[] at(double p) {
            double len = p1 - p0;
            double f = (p - p0) / len;
            double x = x0 + dx * (1 - Math.cos(Math.PI * f)) / 2;
            double slope = dx * Math.PI / (2 * len) * Math.sin(Math.PI * f);
            return new double[] {x, y0 + dir * (p - p0), Math.toDegrees(Math.atan2(slope, dir))};
        }
    }

    /** A circular arc around (cx, cy) starting at angle a0 (radians, from +x), turning left (+1) or right (−1). */
    record Arc(double p0, double p1, double cx, double cy, double r, double a0, int turn) implements Piece {
        public double[] at(double p) {
            double a = a0 + turn * (p - p0) / r;
            double tx = turn > 0 ? -Math.sin(a) : Math.sin(a);
            double ty = turn > 0 ? Math.cos(a) : -Math.cos(a);
            return new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a), Math.toDegrees(Math.atan2(tx, ty))};
        }
    }

    private final List<Piece> pieces;

    private VehiclePath(List<Piece> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    double start() {
        return pieces.get(0).p0();
    }

    double end() {
        return pieces.get(pieces.size() - 1).p1();
    }

    /** {x, y, headingDeg} at p, clamped to the path's ends. */
    double[] at(double p) {
        double q = Math.max(start(), Math.min(end(), p));
        for (Piece piece : pieces) {
            if (q <= piece.p1()) {
                return piece.at(q);
            }
        }
        return pieces.get(pieces.size() - 1).at(end());
    }

    /** True when every piece up to p keeps y = p (the approach before any arc). */
    boolean yEqualsPUpTo(double p) {
        for (Piece piece : pieces) {
            if (piece.p0() >= p) {
                return true;
            }
            boolean alongY = piece instanceof Straight s && s.headingDeg() == 0 && s.y0() == s.p0()
                    || piece instanceof Shift sh && sh.dir() == 1 && sh.y0() == sh.p0();
            if (!alongY) {
                return false;
            }
        }
        return true;
    }

    /** Appends pieces from a moving cursor. */
    static final class Builder {
        private final List<Piece> pieces = new ArrayList<>();
        private double p;
        private double x;
        private double y;
        private double heading;

        Builder(double p, double x, double y, double headingDeg) {
            this.p = p;
            this.x = x;
            this.y = y;
            this.heading = headingDeg;
        }

        double x() {
            return x;
        }

        double y() {
            return y;
        }

        double p() {
            return p;
        }

        Builder straight(double length) {
            if (length > 1e-9) {
                add(new Straight(p, p + length, x, y, heading));
            }
            return this;
        }

        /** Straight on along ±y until the front is at {@code targetY} (no-op if already past it). */
        Builder straightToY(double targetY) {
            double dir = Math.cos(Math.toRadians(heading)) >= 0 ? 1 : -1;
            return straight((targetY - y) * dir);
        }

        Builder shift(double length, double dx) {
            int dir = Math.cos(Math.toRadians(heading)) >= 0 ? 1 : -1;
            if (Math.abs(dx) < 1e-9) {
                return straight(length);
            }
            add(new Shift(p, p + length, x, y, dir, dx));
            return this;
        }

        /** Turns left (turn = +1) or right (−1) through {@code degrees} on a circle of radius r. */
        Builder arc(double r, double degrees, int turn) {
            double h = Math.toRadians(heading);
            // centre lies to the left (turn +1) or right (−1) of travel
            double rightX = Math.cos(h);
            double rightY = -Math.sin(h);
            double cx = x - turn * r * rightX;
            double cy = y - turn * r * rightY;
            double a0 = Math.atan2(y - cy, x - cx);
            add(new Arc(p, p + r * Math.toRadians(degrees), cx, cy, r, a0, turn));
            return this;
        }

        private void add(Piece piece) {
            pieces.add(piece);
            double[] end = piece.at(piece.p1());
            p = piece.p1();
            x = end[0];
            y = end[1];
            heading = Math.round(end[2] * 1e9) / 1e9;
        }

        VehiclePath build() {
            if (pieces.isEmpty()) {
                throw new IllegalStateException("empty path");
            }
            return new VehiclePath(pieces);
        }
    }
}
