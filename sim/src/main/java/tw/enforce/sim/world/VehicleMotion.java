package tw.enforce.sim.world;

import java.util.List;
import java.util.OptionalDouble;
import tw.enforce.sim.scenario.VehicleSpec;
import tw.enforce.sim.scene.ActorState;

/**
 * A vehicle's planned trip along its lane as piecewise constant-acceleration segments of the front
 * bumper's y. The vehicle is in the scene from {@code enterAt} until its front passes the road's
 * leaveY. {@code stopY}/{@code stoppedAt}/{@code departsAt} are NaN for a vehicle that never stops.
 */
public final class VehicleMotion {
    private final VehicleSpec spec;
    private final int index;
    private final double laneX;
    private final List<Segment> segments;
    private final double leaveAt;
    private final double stopY;
    private final double stoppedAt;
    private final double departsAt;

    VehicleMotion(VehicleSpec spec, int index, double laneX, List<Segment> segments, double leaveY,
                  double stopY, double stoppedAt, double departsAt) {
        this.spec = spec;
        this.index = index;
        this.laneX = laneX;
        this.segments = List.copyOf(segments);
        this.stopY = stopY;
        this.stoppedAt = stoppedAt;
        this.departsAt = departsAt;
        this.leaveAt = crossing(leaveY).orElse(Double.POSITIVE_INFINITY);
    }

    public VehicleSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
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

    /** y of the front bumper at {@code t} (t before entry gives the entry point). */
    public double frontY(double t) {
        return segmentAt(t).positionAt(Math.max(t, spec.enterAt()));
    }

    public double speedAt(double t) {
        return t < spec.enterAt() ? 0 : segmentAt(t).speedAt(t);
    }

    /** The first time the front bumper reaches {@code y}, if it ever does. */
    public OptionalDouble crossing(double y) {
        for (Segment s : segments) {
            double t = s.timeAt(y);
            if (!Double.isNaN(t)) {
                return OptionalDouble.of(t);
            }
        }
        return OptionalDouble.empty();
    }

    public boolean stops() {
        return !Double.isNaN(stoppedAt);
    }

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
        return new ActorState(spec.id(), spec.kind().actorKind(), laneX, frontY(t), 0,
                spec.kind().widthM(), spec.kind().lengthM(), spec.kind().heightM(), spec.plate(), appearance);
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
