package tw.enforce.sim.section;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.world.World;

/**
 * What really happened in a section run, from the two simulated worlds (not from frames): when
 * each vehicle's front crossed each unit's line, and its true average over the section. A
 * section-speed offender crossed both lines and averaged more than the limit:
 * lengthM / (exit crossing − entry crossing) > limitKmh; its event time is the exit crossing.
 */
public record SectionTruth(String scenario, double lengthM, double limitKmh, List<Vehicle> vehicles) {

    public SectionTruth {
        vehicles = List.copyOf(vehicles);
    }

    /** Crossing instants are null when the vehicle did not pass that unit within its run. */
    /** {@code readAlike}: the scenario has both units read this plate as it is (so exact pairing can find it). */
    public record Vehicle(String id, String plate, Instant entryAt, Instant exitAt, double averageKmh, boolean offender,
                          boolean readAlike) {
    }

    public List<Vehicle> offenders() {
        return vehicles.stream().filter(Vehicle::offender).toList();
    }

    /** Offenders the units could identify at both ends: the recall pairing by exact plate can reach. */
    public int pairableOffenders() {
        return (int) vehicles.stream().filter(v -> v.offender() && v.readAlike()).count();
    }

    static SectionTruth of(SectionScenario s, World entry, World exit) {
        List<Vehicle> out = new ArrayList<>();
        double lineY = s.section().lineY();
        for (SectionScenario.Vehicle v : s.vehicles()) {
            Instant in = crossing(entry, v.id(), lineY).orElse(null);
            Instant at = crossing(exit, v.id(), lineY).orElse(null);
            double avg = Double.NaN;
            if (in != null && at != null) {
                Duration d = Duration.between(in, at);
                avg = s.section().lengthM() * 3.6 / (d.getSeconds() + d.getNano() / 1e9);
            }
            out.add(new Vehicle(v.id(), v.plate(), in, at, avg, avg > s.section().limitKmh(),
                    v.plate().equals(v.readAt("entry")) && v.plate().equals(v.readAt("exit"))));
        }
        return new SectionTruth(s.name(), s.section().lengthM(), s.section().limitKmh(), out);
    }

    /** The first instant the actor's front is at or past lineY: scanned, then bisected to a microsecond. */
    static Optional<Instant> crossing(World world, String actorId, double lineY) {
        double end = world.scenario().durationSeconds();
        double step = 0.02;
        double before = Double.NaN;
        for (double t = 0; t <= end; t += step) {
            Optional<ActorState> a = actor(world, actorId, t);
            if (a.isEmpty()) {
                continue;
            }
            if (a.get().y() < lineY) {
                before = t;
            } else if (!Double.isNaN(before)) {
                double lo = before;
                double hi = t;
                while (hi - lo > 1e-6) {
                    double mid = (lo + hi) / 2;
                    Optional<ActorState> m = actor(world, actorId, mid);
                    if (m.isPresent() && m.get().y() < lineY) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                return Optional.of(world.instantAt(hi));
            }
        }
        return Optional.empty();
    }

    private static Optional<ActorState> actor(World world, String id, double t) {
        return world.snapshot(t).actors().stream().filter(a -> a.actorId().equals(id)).findFirst();
    }
}
