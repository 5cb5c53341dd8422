package tw.enforce.sim.truth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.Movement;
import tw.enforce.sim.scenario.RulesSpec;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.Travel;
import tw.enforce.sim.world.SignalPlan;
import tw.enforce.sim.world.VehicleMotion;
import tw.enforce.sim.world.World;

/**
 * The facts a run is scored against, computed exactly from the planned motions (not from frames):
 * per vehicle its red-light facts, the offences of every rule the scenario enables (red light
 * always), and every vehicle's true mean speed over the speed zone.
 */
public record GroundTruth(String scenarioName, double durationSeconds, double graceSeconds, List<VehicleTruth> vehicles,
                          Set<RuleId> enabledRules, List<Offence> offences, List<SpeedPass> speedPasses) {

    public GroundTruth {
        vehicles = List.copyOf(vehicles);
        enabledRules = enabledRules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabledRules));
        offences = List.copyOf(offences);
        speedPasses = List.copyOf(speedPasses);
    }

    /** Red-light facts only (offences derived from the violators). */
    public GroundTruth(String scenarioName, double durationSeconds, double graceSeconds, List<VehicleTruth> vehicles) {
        this(scenarioName, durationSeconds, graceSeconds, vehicles, Set.of(RuleId.RED_LIGHT),
                vehicles.stream().filter(VehicleTruth::redLightViolator).map(GroundTruth::redLightOffence).toList(), List.of());
    }

    /**
     * Truth for the world's run. A red-light violator crossed the stop line (front, towards +y) when
     * red had been lit for more than the grace — a red onset within the run, as the unit cannot time
     * a red it did not see come on — then left the junction within the run (past the exit line, past
     * a side of the junction box, or back over the stop line: U-turn) by a movement its lane does not
     * list in {@code turnOnRed}.
     */
    public static GroundTruth of(World world) {
        Scenario s = world.scenario();
        double grace = s.rules().redLight().graceSeconds();
        SignalPlan plan = world.signalPlan();
        RuleTruth rules = new RuleTruth(world);
        List<VehicleTruth> out = new ArrayList<>();
        for (VehicleMotion m : world.vehicles()) {
            boolean approach = m.travel() == Travel.APPROACH;
            double stop = approach ? within(m.crossing(s.road().stopLineY()).orElse(Double.NaN), s.durationSeconds()) : Double.NaN;
            double exit = approach ? within(m.crossing(s.road().exitLineY()).orElse(Double.NaN), s.durationSeconds()) : Double.NaN;
            SignalPhase phase = Double.isNaN(stop) ? null : plan.phaseAt(stop);
            double onset = phase == SignalPhase.RED ? plan.phaseStart(stop) : Double.NaN;
            double intoRed = stop - onset;
            boolean violator = false;
            Movement movement = null;
            String laneAtLine = m.spec().lane();
            if (phase == SignalPhase.RED && intoRed > grace && onset > 0) {
                movement = rules.movementAfter(m, stop);
                String l = s.road().laneAt(m.frontX(stop));
                laneAtLine = l == null ? laneAtLine : l;
                violator = movement != null && !s.road().lane(laneAtLine).turnOnRed().contains(movement);
            }
            out.add(new VehicleTruth(m.id(), m.spec().kind().actorKind(), m.spec().plate(), laneAtLine,
                    m.spec().behaviour(), stop, phase, onset, intoRed, exit, violator, m.speedAt(stop) * 3.6,
                    movement == null ? null : movement.name()));
        }
        List<SpeedPass> passes = new ArrayList<>();
        List<Offence> offences = new ArrayList<>();
        out.stream().filter(VehicleTruth::redLightViolator).forEach(v -> offences.add(redLightOffence(v)));
        offences.addAll(rules.offences(passes));
        offences.sort((a, b) -> Double.compare(a.eventSeconds(), b.eventSeconds()));
        return new GroundTruth(s.name(), s.durationSeconds(), grace, out, enabled(s.rules()), offences, passes);
    }

    public static Set<RuleId> enabled(RulesSpec r) {
        Set<RuleId> on = EnumSet.of(RuleId.RED_LIGHT);
        if (r.speed() != null) {
            on.add(RuleId.SPEED);
        }
        if (r.yield() != null) {
            on.add(RuleId.YIELD);
        }
        if (r.lineCrossing() != null) {
            on.add(RuleId.LINE_CROSSING);
        }
        if (r.turn() != null) {
            on.add(RuleId.ILLEGAL_TURN);
        }
        if (r.wrongWay() != null) {
            on.add(RuleId.WRONG_WAY);
        }
        if (r.restrictedClass() != null) {
            on.add(RuleId.RESTRICTED_CLASS);
        }
        if (r.noStopping() != null) {
            on.add(RuleId.NO_STOPPING);
        }
        return on;
    }

    public List<VehicleTruth> violators() {
        return vehicles.stream().filter(VehicleTruth::redLightViolator).toList();
    }

    public List<Offence> offences(RuleId rule) {
        return offences.stream().filter(o -> o.rule() == rule).toList();
    }

    public VehicleTruth vehicle(String id) {
        return vehicles.stream().filter(v -> v.vehicleId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vehicle '" + id + "' in " + scenarioName));
    }

    private static Offence redLightOffence(VehicleTruth v) {
        return new Offence(RuleId.RED_LIGHT, v.vehicleId(), v.plate(), v.lane(), v.stopLineSeconds(), v.speedAtStopLineKmh(),
                v.timeIntoRedSeconds(), v.movement() == null ? "" : v.movement());
    }

    private static double within(double t, double duration) {
        return t <= duration ? t : Double.NaN;
    }
}
