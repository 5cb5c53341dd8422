package tw.enforce.sim.truth;

import java.util.ArrayList;
import java.util.List;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.world.SignalPlan;
import tw.enforce.sim.world.VehicleMotion;
import tw.enforce.sim.world.World;

/** The facts a run is scored against, computed exactly from the planned motions (not from frames). */
public record GroundTruth(String scenarioName, double durationSeconds, double graceSeconds, List<VehicleTruth> vehicles) {

    public GroundTruth {
        vehicles = List.copyOf(vehicles);
    }

    /** Truth for the world's run, with the scenario's red-light grace. */
    public static GroundTruth of(World world) {
        Scenario s = world.scenario();
        double grace = s.rules().redLight().graceSeconds();
        SignalPlan plan = world.signalPlan();
        List<VehicleTruth> out = new ArrayList<>();
        for (VehicleMotion m : world.vehicles()) {
            double stop = within(m.crossing(s.road().stopLineY()).orElse(Double.NaN), s.durationSeconds());
            double exit = within(m.crossing(s.road().exitLineY()).orElse(Double.NaN), s.durationSeconds());
            SignalPhase phase = Double.isNaN(stop) ? null : plan.phaseAt(stop);
            double onset = phase == SignalPhase.RED ? plan.phaseStart(stop) : Double.NaN;
            double intoRed = stop - onset;
            boolean violator = phase == SignalPhase.RED && intoRed > grace && !Double.isNaN(exit);
            out.add(new VehicleTruth(m.id(), m.spec().kind().actorKind(), m.spec().plate(), m.spec().lane(),
                    m.spec().behaviour(), stop, phase, onset, intoRed, exit, violator));
        }
        return new GroundTruth(s.name(), s.durationSeconds(), grace, out);
    }

    public List<VehicleTruth> violators() {
        return vehicles.stream().filter(VehicleTruth::redLightViolator).toList();
    }

    public VehicleTruth vehicle(String id) {
        return vehicles.stream().filter(v -> v.vehicleId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vehicle '" + id + "' in " + scenarioName));
    }

    private static double within(double t, double duration) {
        return t <= duration ? t : Double.NaN;
    }
}
