package tw.enforce.sim.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.Behaviour;
import tw.enforce.sim.scenario.RoadSpec;
import tw.enforce.sim.scenario.VehicleSpec;

/**
 * Plans each vehicle's trip once, up front, from the signal plan: cruise; for a stop, brake at a
 * constant rate to rest just behind the stop line (or behind the vehicle queued ahead in the same
 * lane), wait for green, accelerate back to the cruise speed. There is no other car following:
 * vehicles in one lane must be spaced by the scenario (the world rejects overlaps).
 *
 * <p>An OBEY driver decides once, at the point where a comfortable stop would have to begin (or on
 * entry when it appears closer than that): it stops when the lamp at its cruise-speed arrival time
 * at the line is amber or red and the deceleration needed is at most the comfortable maximum.
 */
final class MotionPlanner {
    private final SignalPlan plan;
    private final RoadSpec road;
    private final DriverModel dm;

    MotionPlanner(SignalPlan plan, RoadSpec road, DriverModel dm) {
        this.plan = plan;
        this.road = road;
        this.dm = dm;
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
            List<VehicleMotion> ahead = byLane.computeIfAbsent(v.lane(), k -> new ArrayList<>());
            out[i] = plan(v, i, ahead);
            ahead.add(out[i]);
        }
        return List.of(out);
    }

    private VehicleMotion plan(VehicleSpec v, int index, List<VehicleMotion> ahead) {
        double s0 = road.entryY();
        double t0 = v.enterAt();
        double speed = v.speedMps();
        double line = road.stopLineY();
        double laneX = road.laneCentreX(v.lane());

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
            return new VehicleMotion(v, index, laneX, segs, road.leaveY(), Double.NaN, Double.NaN, Double.NaN);
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
        return new VehicleMotion(v, index, laneX, segs, road.leaveY(), target, stoppedAt, departs);
    }
}
