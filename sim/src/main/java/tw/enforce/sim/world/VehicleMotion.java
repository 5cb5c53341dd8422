package tw.enforce.sim.world;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import tw.enforce.sim.scenario.Travel;
import tw.enforce.sim.scenario.VehicleSpec;
import tw.enforce.sim.scene.ActorState;

/**
 * A vehicle's planned trip: its path (where the front bumper goes) and piecewise
 * constant-acceleration segments of the path position over time. The vehicle is in the scene from
 * {@code enterAt} until its front reaches the path's end. {@code stopY}/{@code stoppedAt}/
 * {@code departsAt} describe its stand (at the stop line, in a queue, or parked) and are NaN for a
 * vehicle that never stands.
 */
public final class VehicleMotion {
    /** Time step of the numeric searches; each hit is then refined by bisection to ~1 ns. */
    static final double SEARCH_STEP_S = 0.01;

    private final VehicleSpec spec;
    private final int index;
    private final Travel travel;
    private final VehiclePath path;
    private final List<Segment> segments;
    private final double leaveAt;
    private final double stopY;
    private final double stoppedAt;
    private final double departsAt;

    VehicleMotion(VehicleSpec spec, int index, Travel travel, VehiclePath path, List<Segment> segments,
                  double stopY, double stoppedAt, double departsAt) {
        this.spec = spec;
        this.index = index;
        this.travel = travel;
        this.path = path;
        this.segments = List.copyOf(segments);
        this.stopY = stopY;
        this.stoppedAt = stoppedAt;
        this.departsAt = departsAt;
        this.leaveAt = timeAtP(path.end()).orElse(Double.POSITIVE_INFINITY);
    }

    public VehicleSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    /** The direction this vehicle drives in (its own, which may be against its lane's). */
    public Travel travel() {
        return travel;
    }

    public boolean presentAt(double t) {
        return t >= spec.enterAt() && t < leaveAt;
    }

    public double enterAt() {
        return spec.enterAt();
    }

    public double leaveAt() {
        return leaveAt;
    }

    /** Path position at t (t before entry gives the entry point). */
    double pathPosition(double t) {
        return segmentAt(t).positionAt(Math.max(t, spec.enterAt()));
    }

    /** {x, y, headingDeg} of the front bumper at t. */
    public double[] frontAt(double t) {
        return path.at(pathPosition(t));
    }

    public double frontX(double t) {
        return frontAt(t)[0];
    }

    /** y of the front bumper at {@code t} (t before entry gives the entry point). */
    public double frontY(double t) {
        return frontAt(t)[1];
    }

    public double headingAt(double t) {
        return frontAt(t)[2];
    }

    /** Speed along the path, m/s. */
    public double speedAt(double t) {
        return t < spec.enterAt() ? 0 : Math.max(0, segmentAt(t).speedAt(t));
    }

    /**
     * The first time the front bumper reaches {@code y} travelling towards +y, if it ever does. Exact
     * on the approach (before any turn); found numerically elsewhere.
     */
    public OptionalDouble crossing(double y) {
        if (travel == Travel.APPROACH && path.yEqualsPUpTo(y) && y >= path.start()) {
            return timeAtP(y);
        }
        return firstTime(t -> frontY(t) - y, spec.enterAt(), leaveAt);
    }

    /**
     * The first time in [from, to] at which f goes from below 0 to at least 0, sampled every
     * {@link #SEARCH_STEP_S} and refined by bisection; empty when it does not happen.
     */
    public static OptionalDouble firstTime(DoubleUnaryOperator f, double from, double to) {
        double end = Double.isInfinite(to) ? from + 3600 : to;
        double prevT = from;
        double prev = f.applyAsDouble(from);
        if (prev >= 0) {
            return OptionalDouble.empty();
        }
        for (double t = from + SEARCH_STEP_S; ; t += SEARCH_STEP_S) {
            double tt = Math.min(t, end);
            double v = f.applyAsDouble(tt);
            if (v >= 0) {
                double lo = prevT;
                double hi = tt;
                for (int i = 0; i < 40 && hi - lo > 1e-10; i++) {
                    double mid = (lo + hi) / 2;
                    if (f.applyAsDouble(mid) >= 0) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return OptionalDouble.of(hi);
            }
            if (tt >= end) {
                return OptionalDouble.empty();
            }
            prevT = tt;
        }
    }

    public boolean stops() {
        return !Double.isNaN(stoppedAt);
    }

    /** Path position (= y on the approach) where it stands. */
    public double stopY() {
        return stopY;
    }

    public double stoppedAt() {
        return stoppedAt;
    }

    public double departsAt() {
        return departsAt;
    }

    public ActorState stateAt(double t) {
        int appearance = spec.appearance() == null ? index : spec.appearance();
        double[] f = frontAt(t);
        return new ActorState(spec.id(), spec.kind().actorKind(), f[0], f[1], f[2],
                spec.kind().widthM(), spec.kind().lengthM(), spec.kind().heightM(), spec.plate(), appearance);
    }

    private OptionalDouble timeAtP(double p) {
        for (Segment s : segments) {
            double t = s.timeAt(p);
            if (!Double.isNaN(t)) {
                return OptionalDouble.of(t);
            }
        }
        return OptionalDouble.empty();
    }

    private Segment segmentAt(double t) {
        for (Segment s : segments) {
            if (t < s.t1()) {
                return s;
            }
        }
        return segments.get(segments.size() - 1);
    }
}
