package tw.enforce.sim.world;

import tw.enforce.sim.scenario.PedestrianSpec;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorState;

/** A pedestrian walking at constant speed from its start to its end point, then gone. */
public final class PedestrianMotion {
    private static final double WIDTH_M = 0.5;
    private static final double DEPTH_M = 0.3;
    private static final double HEIGHT_M = 1.7;

    private final PedestrianSpec spec;
    private final int index;
    private final double length;
    private final double heading;

    PedestrianMotion(PedestrianSpec spec, int index) {
        this.spec = spec;
        this.index = index;
        double dx = spec.to().x() - spec.from().x();
        double dy = spec.to().y() - spec.from().y();
        this.length = Math.hypot(dx, dy);
        this.heading = Math.toDegrees(Math.atan2(dx, dy));
    }

    public String id() {
        return spec.id();
    }

    public boolean presentAt(double t) {
        return t >= spec.enterAt() && t < leaveAt();
    }

    public double leaveAt() {
        return spec.enterAt() + length / spec.speedMps();
    }

    public ActorState stateAt(double t) {
        double f = Math.max(0, Math.min(1, (t - spec.enterAt()) * spec.speedMps() / length));
        double x = spec.from().x() + f * (spec.to().x() - spec.from().x());
        double y = spec.from().y() + f * (spec.to().y() - spec.from().y());
        int appearance = spec.appearance() == null ? index : spec.appearance();
        return new ActorState(spec.id(), ActorKind.PEDESTRIAN, x, y, heading, WIDTH_M, DEPTH_M, HEIGHT_M, null, appearance);
    }
}
