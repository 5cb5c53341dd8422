package tw.enforce.sim.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.Behaviour;
import tw.enforce.sim.scenario.RoadSpec;
import tw.enforce.sim.scenario.Travel;
import tw.enforce.sim.scenario.VehicleSpec;

/**
 * Plans each vehicle's trip once, up front, from the signal plan: cruise; for a stop, brake at a
 * constant rate to rest just behind the stop line (or behind the vehicle queued ahead in the same
 * lane), wait for green, accelerate back to the cruise speed. There is no other car following:
 * vehicles in one lane must be spaced by the scenario (the world rejects overlaps).
 *
 * <p>Vehicles travelling opposite (towards −y) and vehicles that park ignore the lamp and keep to
 * their own plan. Queues form per lane at the stop line (the lane after any lane change).
 *
 * <p>An OBEY driver decides once, at the point where a comfortable stop would have to begin (or on
 * entry when it appears closer than that): it stops when the lamp at its cruise-speed arrival time
 * at the line is amber or red and the deceleration needed is at most the comfortable maximum.
 */
final class MotionPlanner {
    private final SignalPlan plan;
    private final RoadSpec road;
    private final DriverModel dm;
    private final PathPlanner paths;

    MotionPlanner(SignalPlan plan, RoadSpec road, DriverModel dm) {
        this.plan = plan;
        this.road = road;
        this.dm = dm;
        this.paths = new PathPlanner(road);
    }

    List<VehicleMotion> planAll(List<VehicleSpec> vehicles) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vehicles.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(vehicles.get(a).enterAt(), vehicles.get(b).enterAt()));
        VehicleMotion[] out = new VehicleMotion[vehicles.size()];
        Map<String, List<VehicleMotion>> byLane = new HashMap<>();
        for (int i : order) {
            VehicleSpec v = vehicles.get(i);
            Travel travel = travelOf(v);
            VehiclePath path = paths.pathFor(v, travel);
            if (travel == Travel.OPPOSITE) {
                out[i] = new VehicleMotion(v, i, travel, path,
                        List.of(new Segment(v.enterAt(), Double.POSITIVE_INFINITY, path.start(), v.speedMps(), 0)),
                        Double.NaN, Double.NaN, Double.NaN);
            } else if (v.park() != null) {
                out[i] = park(v, i, path);
            } else {
                List<VehicleMotion> ahead = byLane.computeIfAbsent(laneAtStopLine(v), k -> new ArrayList<>());
                out[i] = plan(v, i, path, ahead);
                ahead.add(out[i]);
            }
        }
        return List.of(out);
    }

    Travel travelOf(VehicleSpec v) {
        return v.travel() != null ? v.travel() : road.lane(v.lane()).travel();
    }

    private static String laneAtStopLine(VehicleSpec v) {
        return v.laneChange() != null ? v.laneChange().toLane() : v.lane();
    }

    /** Cruise, brake to a stand with the front at park.y, stand the dwell, accelerate back to cruise; the lamp is ignored. */
    private VehicleMotion park(VehicleSpec v, int index, VehiclePath path) {
        double s0 = path.start();
        double t0 = v.enterAt();
        double speed = v.speedMps();
        double target = v.park().y();
        double comfortStart = target - speed * speed / (2 * dm.comfortDecel());
        double brakeAt = comfortStart >= s0 ? t0 + (comfortStart - s0) / speed : t0;
        double brakeFrom = s0 + speed * (brakeAt - t0);
        double decel = speed * speed / (2 * (target - brakeFrom));
        double stoppedAt = brakeAt + speed / decel;
        double departs = stoppedAt + v.park().dwellSeconds();
        double atSpeed = departs + speed / dm.accel();
        List<Segment> segs = new ArrayList<>();
        if (brakeAt > t0) {
            segs.add(new Segment(t0, brakeAt, s0, speed, 0));
        }
        segs.add(new Segment(brakeAt, stoppedAt, brakeFrom, speed, -decel));
        segs.add(new Segment(stoppedAt, departs, target, 0, 0));
        segs.add(new Segment(departs, atSpeed, target, 0, dm.accel()));
        segs.add(new Segment(atSpeed, Double.POSITIVE_INFINITY, target + speed * speed / (2 * dm.accel()), speed, 0));
        return new VehicleMotion(v, index, Travel.APPROACH, path, segs, target, stoppedAt, departs);
    }

    private VehicleMotion plan(VehicleSpec v, int index, VehiclePath path, List<VehicleMotion> ahead) {
        double s0 = road.entryY();
        double t0 = v.enterAt();
        double speed = v.speedMps();
        double line = road.stopLineY();
        VehicleMotion leader = null;
        double target = line - dm.stopGapM();
        for (int pass = 0; pass <= ahead.size(); pass++) {
            double restEstimate = t0 + (target - s0) / speed + speed / (2 * dm.comfortDecel());
            VehicleMotion newLeader = null;
            double newTarget = line - dm.stopGapM();
            for (VehicleMotion a : ahead) {
                if (a.stops() && a.departsAt() > restEstimate) {
                    double behind = a.stopY() - a.spec().kind().lengthM() - dm.queueGapM();
                    if (behind < newTarget) {
                        newTarget = behind;
                        newLeader = a;
                    }
                }
            }
            if (newTarget == target && newLeader == leader) {
                break;
            }
            target = newTarget;
            leader = newLeader;
        }
        if (!(target > s0)) {
            throw new IllegalArgumentException("vehicle '" + v.id() + "': the queue in lane " + v.lane()
                    + " reaches back past road.entryY; enter later or raise the entry distance");
        }

        double comfortStart = target - speed * speed / (2 * dm.comfortDecel());
        double brakeAt = comfortStart >= s0 ? t0 + (comfortStart - s0) / speed : t0;
        double brakeFrom = s0 + speed * (brakeAt - t0);
        double decel = speed * speed / (2 * (target - brakeFrom));
        boolean stop = switch (v.behaviour()) {
            case RUN -> false;
            case STOP -> true;
            case OBEY -> plan.phaseAt(t0 + (line - s0) / speed) != SignalPhase.GREEN
                    && decel <= Math.max(dm.maxComfortDecel(), dm.comfortDecel()) + 1e-9;
        };
        List<Segment> segs = new ArrayList<>();
        if (!stop) {
            segs.add(new Segment(t0, Double.POSITIVE_INFINITY, s0, speed, 0));
            return new VehicleMotion(v, index, Travel.APPROACH, path, segs, Double.NaN, Double.NaN, Double.NaN);
        }
        double stoppedAt = brakeAt + speed / decel;
        double earliest = stoppedAt + (v.behaviour() == Behaviour.STOP ? dm.stopDwellSeconds() : 0);
        double departs = (plan.phaseAt(earliest) == SignalPhase.GREEN ? earliest : plan.nextGreenAtOrAfter(earliest))
                + dm.reactionSeconds();
        if (leader != null) {
            departs = Math.max(departs, leader.departsAt() + dm.queueHeadwaySeconds());
        }
        double atSpeed = departs + speed / dm.accel();
        if (brakeAt > t0) {
            segs.add(new Segment(t0, brakeAt, s0, speed, 0));
        }
        segs.add(new Segment(brakeAt, stoppedAt, brakeFrom, speed, -decel));
        segs.add(new Segment(stoppedAt, departs, target, 0, 0));
        segs.add(new Segment(departs, atSpeed, target, 0, dm.accel()));
        segs.add(new Segment(atSpeed, Double.POSITIVE_INFINITY, target + speed * speed / (2 * dm.accel()), speed, 0));
        return new VehicleMotion(v, index, Travel.APPROACH, path, segs, target, stoppedAt, departs);
    }
}
