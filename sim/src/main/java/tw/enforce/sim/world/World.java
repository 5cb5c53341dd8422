package tw.enforce.sim.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.scene.SceneSnapshot;

/**
 * The simulated approach: every actor's motion planned once from the scenario, so any instant can
 * be asked for in any order and always gives the same scene. Construction fails with the vehicles,
 * lane and time named when two vehicles in one lane would overlap.
 */
public final class World {
    private static final double OVERLAP_STEP_SECONDS = 0.05;

    private final Scenario scenario;
    private final Instant epoch;
    private final SignalPlan signal;
    private final List<VehicleMotion> vehicles;
    private final List<PedestrianMotion> pedestrians;

    public World(Scenario scenario, Instant epoch) {
        this(scenario, epoch, DriverModel.defaults());
    }

    public World(Scenario scenario, Instant epoch, DriverModel drivers) {
        this.scenario = scenario;
        this.epoch = epoch;
        this.signal = new SignalPlan(scenario.signal());
        this.vehicles = new MotionPlanner(signal, scenario.road(), drivers).planAll(scenario.actors().vehicles());
        List<PedestrianMotion> peds = new ArrayList<>();
        for (int i = 0; i < scenario.actors().pedestrians().size(); i++) {
            peds.add(new PedestrianMotion(scenario.actors().pedestrians().get(i), i));
        }
        this.pedestrians = List.copyOf(peds);
        rejectOverlaps();
    }

    public Scenario scenario() {
        return scenario;
    }

    public Instant epoch() {
        return epoch;
    }

    public SignalPlan signalPlan() {
        return signal;
    }

    public List<VehicleMotion> vehicles() {
        return vehicles;
    }

    public List<PedestrianMotion> pedestrians() {
        return pedestrians;
    }

    /** The instant of simulated second {@code t}. */
    public Instant instantAt(double t) {
        return SimClock.instantAt(epoch, t);
    }

    /** Time of frame {@code k}: k / fps seconds. */
    public double frameSeconds(long k) {
        return k / (double) scenario.fps();
    }

    /** Actors in the scene at {@code t} (vehicles then pedestrians, in file order), the lamp lit and the weather. */
    public SceneSnapshot snapshot(double t) {
        List<ActorState> actors = new ArrayList<>();
        for (VehicleMotion v : vehicles) {
            if (v.presentAt(t)) {
                actors.add(v.stateAt(t));
            }
        }
        for (PedestrianMotion p : pedestrians) {
            if (p.presentAt(t)) {
                actors.add(p.stateAt(t));
            }
        }
        return new SceneSnapshot(instantAt(t), List.copyOf(actors), signal.phaseAt(t), scenario.weather());
    }

    /** The scene at an instant on this world's time line, e.g. a frame's capture time. */
    public SceneSnapshot snapshotAt(Instant at) {
        return snapshot(SimClock.secondsOf(epoch, at));
    }

    /**
     * Two vehicles driving the same way along y whose bodies overlap sideways and lengthways are a
     * scenario error (there is no car-following model). Vehicles in a turn are not checked.
     */
    private void rejectOverlaps() {
        for (int i = 0; i < vehicles.size(); i++) {
            for (int j = i + 1; j < vehicles.size(); j++) {
                VehicleMotion a = vehicles.get(i);
                VehicleMotion b = vehicles.get(j);
                double from = Math.max(a.enterAt(), b.enterAt());
                double to = Math.min(Math.min(a.leaveAt(), b.leaveAt()), scenario.durationSeconds());
                for (double t = from; t < to; t += OVERLAP_STEP_SECONDS) {
                    double[] fa = a.frontAt(t);
                    double[] fb = b.frontAt(t);
                    double ca = Math.cos(Math.toRadians(fa[2]));
                    double cb = Math.cos(Math.toRadians(fb[2]));
                    if (Math.abs(ca) < 0.95 || Math.abs(cb) < 0.95 || Math.signum(ca) != Math.signum(cb)) {
                        continue;
                    }
                    double halfWidths = (a.spec().kind().widthM() + b.spec().kind().widthM()) / 2;
                    if (Math.abs(fa[0] - fb[0]) >= halfWidths - 0.1) {
                        continue;
                    }
                    double dir = Math.signum(ca);
                    double ya = dir * fa[1];
                    double yb = dir * fb[1];
                    boolean overlap = ya >= yb ? yb > ya - a.spec().kind().lengthM() : ya > yb - b.spec().kind().lengthM();
                    if (overlap) {
                        throw new IllegalArgumentException(String.format(
                                "vehicles '%s' and '%s' overlap at t=%.2f s (fronts at x=%.1f, y=%.1f and x=%.1f, y=%.1f): "
                                        + "space them out with enterAt or speed", a.id(), b.id(), t, fa[0], fa[1], fb[0], fb[1]));
                    }
                }
            }
        }
    }
}
