package tw.enforce.sim.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tw.enforce.sim.scenario.Markings.Junction;
import tw.enforce.sim.scenario.RoadSpec;
import tw.enforce.sim.scenario.Travel;
import tw.enforce.sim.scenario.VehicleSpec;

/**
 * Lays out each vehicle's path from its scenario keys. On the approach the front starts in the
 * middle of its lane at entryY; lane changes and pulling in/out of a parking spot are half-cosine
 * shifts; a turn starts {@link #TURN_START_M} past the stop line and runs on 40 m beyond the
 * junction edge (left, right) or back down the approach to entryY (U-turn). A vehicle travelling
 * opposite starts at leaveY and ends at entryY.
 */
final class PathPlanner {
    static final double TURN_START_M = 1.0;
    static final double PULL_M = 12.0;
    static final double RIGHT_RADIUS_M = 6.0;
    static final double U_TURN_RADIUS_M = 3.5;
    static final double BEYOND_JUNCTION_M = 40.0;

    private final RoadSpec road;

    PathPlanner(RoadSpec road) {
        this.road = road;
    }

    private record Shift(double startY, double length, double toX, String what) {
    }

    VehiclePath pathFor(VehicleSpec v, Travel travel) {
        int dir = travel.sign();
        double startY = travel == Travel.APPROACH ? road.entryY() : road.leaveY();
        double endY = travel == Travel.APPROACH ? road.leaveY() : road.entryY();
        double x = road.laneCentreX(v.lane());
        VehiclePath.Builder b = new VehiclePath.Builder(travel == Travel.APPROACH ? startY : 0, x, startY,
                travel == Travel.APPROACH ? 0 : 180);
        List<Shift> shifts = new ArrayList<>();
        if (v.laneChange() != null) {
            if (!road.hasLane(v.laneChange().toLane())) {
                throw new IllegalArgumentException("vehicle '" + v.id() + "': laneChange.toLane: no lane '"
                        + v.laneChange().toLane() + "'; lanes are " + road.laneIds());
            }
            shifts.add(new Shift(v.laneChange().startY(), v.laneChange().lengthM(),
                    road.laneCentreX(v.laneChange().toLane()), "laneChange"));
        }
        if (v.park() != null) {
            double px = v.park().x() != null ? v.park().x() : x;
            shifts.add(new Shift(v.park().y() - PULL_M, PULL_M, px, "park (pulling in over " + PULL_M + " m)"));
            shifts.add(new Shift(v.park().y(), PULL_M, x, "park (pulling out over " + PULL_M + " m)"));
        }
        shifts.sort(Comparator.comparingDouble(s -> dir * s.startY()));
        double turnAt = v.movement() == tw.enforce.sim.scenario.Movement.STRAIGHT ? endY : road.stopLineY() + TURN_START_M;
        for (Shift s : shifts) {
            if (dir * (s.startY() - b.y()) < -1e-9) {
                throw new IllegalArgumentException("vehicle '" + v.id() + "': " + s.what() + " starts at y=" + s.startY()
                        + ", before where the vehicle is by then (y=" + b.y() + "): move it further along or apart");
            }
            if (dir * (s.startY() + dir * s.length() - turnAt) > 1e-9) {
                throw new IllegalArgumentException("vehicle '" + v.id() + "': " + s.what() + " must end by y=" + turnAt
                        + (turnAt == endY ? " (where vehicles leave)" : " (where its turn starts)"));
            }
            b.straightToY(s.startY());
            b.shift(s.length(), s.toX() - b.x());
        }
        Junction j = road.junctionOrDefault();
        switch (v.movement()) {
            case STRAIGHT -> b.straightToY(endY);
            case LEFT -> {
                b.straightToY(turnAt);
                double r = v.turnRadiusM() != null ? v.turnRadiusM() : (road.exitLineY() - road.stopLineY()) / 2 + 1;
                b.arc(r, 90, 1);
                b.straight(Math.max(0, b.x() - (j.xMin() - BEYOND_JUNCTION_M)));
            }
            case RIGHT -> {
                b.straightToY(turnAt);
                b.arc(v.turnRadiusM() != null ? v.turnRadiusM() : RIGHT_RADIUS_M, 90, -1);
                b.straight(Math.max(0, j.xMax() + BEYOND_JUNCTION_M - b.x()));
            }
            case U_TURN -> {
                b.straightToY(turnAt);
                b.arc(v.turnRadiusM() != null ? v.turnRadiusM() : uTurnRadius(b.x()), 180, 1);
                b.straight(Math.max(0, b.y() - road.entryY()));
            }
        }
        return b.build();
    }

    /** Half the way to the nearest opposite lane's centre on the left, else a tight default. */
    private double uTurnRadius(double x) {
        double best = Double.NaN;
        for (String id : road.laneIds()) {
            double cx = road.laneCentreX(id);
            if (road.lane(id).travel() == Travel.OPPOSITE && cx < x && (Double.isNaN(best) || cx > best)) {
                best = cx;
            }
        }
        return Double.isNaN(best) ? U_TURN_RADIUS_M : Math.max(2.0, (x - best) / 2);
    }
}
