package tw.enforce.sim.truth;

import java.nio.file.Path;
import java.util.Locale;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.ScenarioLoader;
import tw.enforce.sim.world.LampEdge;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.VehicleMotion;
import tw.enforce.sim.world.World;

/**
 * Prints what a scenario will do (lamp changes, and per vehicle its stop, crossings and verdict),
 * so a scenario author can check timings without running the unit:
 * {@code java -cp sim/target/classes:sim/target/lib/* tw.enforce.sim.truth.TruthTable FILE.yaml}.
 */
public final class TruthTable {
    private TruthTable() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: TruthTable SCENARIO.yaml...");
            System.exit(2);
        }
        for (String a : args) {
            Scenario s = new ScenarioLoader().load(Path.of(a));
            System.out.print(render(new World(s, SimClock.DEFAULT_EPOCH)));
        }
    }

    public static String render(World world) {
        Scenario s = world.scenario();
        GroundTruth truth = GroundTruth.of(world);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %.1f s at %d fps, grace %.2f s, lamp at 0 s: %s%n", s.name(),
                s.durationSeconds(), s.fps(), truth.graceSeconds(), world.signalPlan().phaseAt(0)));
        for (LampEdge e : world.signalPlan().edges(0, s.durationSeconds())) {
            if (e.on()) {
                out.append(String.format(Locale.ROOT, "  %7.3f s  %s on%n", e.atSeconds(), e.lamp()));
            }
        }
        out.append(String.format(Locale.ROOT, "  %-6s %-10s %-9s %-4s %-5s %8s %8s %8s %-6s %8s %8s %s%n", "id", "kind",
                "plate", "lane", "drive", "stops", "departs", "stopLine", "phase", "intoRed", "exit", "violator"));
        for (int i = 0; i < truth.vehicles().size(); i++) {
            VehicleTruth v = truth.vehicles().get(i);
            VehicleMotion m = world.vehicles().get(i);
            out.append(String.format(Locale.ROOT, "  %-6s %-10s %-9s %-4s %-5s %8s %8s %8s %-6s %8s %8s %s%n",
                    v.vehicleId(), v.kind(), v.plate(), v.lane(), v.behaviour(), t(m.stoppedAt()), t(m.departsAt()),
                    t(v.stopLineSeconds()), v.phaseAtStopLine() == null ? "-" : v.phaseAtStopLine(),
                    t(v.timeIntoRedSeconds()), t(v.exitLineSeconds()), v.redLightViolator() ? "VIOLATOR" : ""));
        }
        if (!truth.offences().isEmpty()) {
            out.append("  offences (rules enabled: ").append(truth.enabledRules().stream().sorted().toList()).append(")\n");
        }
        for (Offence o : truth.offences()) {
            out.append(String.format(Locale.ROOT, "  %8s s  %-16s %-6s %-4s %s%s%n", t(o.eventSeconds()), o.rule(), o.vehicleId(),
                    o.lane() == null ? "-" : o.lane(), o.detail(),
                    Double.isNaN(o.speedKmh()) ? "" : String.format(Locale.ROOT, " (%.2f km/h)", o.speedKmh())));
        }
        return out.toString();
    }

    private static String t(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.3f", seconds);
    }
}
