package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import tw.enforce.sim.scene.RoadLayout;

/**
 * The painted road of the approach in site metres (traffic towards +y, x to the right of travel).
 * Lanes are the strips between consecutive {@code laneBoundariesX}, named L1, L2, … from left to
 * right. Vehicles appear at {@code entryY} and leave when their front passes {@code leaveY}.
 */
public record RoadSpec(@JsonProperty(required = true) List<Double> laneBoundariesX,
                       @JsonProperty(required = true) double stopLineY,
                       @JsonProperty(required = true) double exitLineY,
                       Crosswalk crosswalk,
                       Double entryY,
                       Double leaveY) {

    public RoadSpec {
        Checks.notNull(laneBoundariesX, "road.laneBoundariesX");
        if (laneBoundariesX.size() < 2) {
            throw new IllegalArgumentException("road.laneBoundariesX needs at least 2 values (one lane), got " + laneBoundariesX.size());
        }
        for (int i = 0; i < laneBoundariesX.size(); i++) {
            Checks.finite(Checks.notNull(laneBoundariesX.get(i), "road.laneBoundariesX[" + i + "]"), "road.laneBoundariesX[" + i + "]");
            if (i > 0 && !(laneBoundariesX.get(i) > laneBoundariesX.get(i - 1))) {
                throw new IllegalArgumentException("road.laneBoundariesX must increase from left to right, got " + laneBoundariesX);
            }
        }
        laneBoundariesX = List.copyOf(laneBoundariesX);
        Checks.finite(stopLineY, "road.stopLineY");
        if (!(exitLineY > stopLineY)) {
            throw new IllegalArgumentException("road.exitLineY (" + exitLineY + ") must be beyond stopLineY (" + stopLineY + ")");
        }
        if (crosswalk != null && (crosswalk.startY() < stopLineY || crosswalk.endY() > exitLineY)) {
            throw new IllegalArgumentException("road.crosswalk must lie between stopLineY and exitLineY, was " + crosswalk);
        }
        entryY = entryY == null ? stopLineY - 80 : entryY;
        if (!(entryY < stopLineY)) {
            throw new IllegalArgumentException("road.entryY (" + entryY + ") must be before stopLineY (" + stopLineY + ")");
        }
        leaveY = leaveY == null ? exitLineY + 30 : leaveY;
        if (!(leaveY > exitLineY)) {
            throw new IllegalArgumentException("road.leaveY (" + leaveY + ") must be beyond exitLineY (" + exitLineY + ")");
        }
    }

    public int laneCount() {
        return laneBoundariesX.size() - 1;
    }

    public List<String> laneIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= laneCount(); i++) {
            ids.add("L" + i);
        }
        return ids;
    }

    public boolean hasLane(String laneId) {
        return laneIds().contains(laneId);
    }

    /** Lane by id: {xMin, xMax}. */
    public double[] laneBounds(String laneId) {
        int i = laneIds().indexOf(laneId);
        if (i < 0) {
            throw new IllegalArgumentException("no lane '" + laneId + "'; lanes are " + laneIds());
        }
        return new double[] {laneBoundariesX.get(i), laneBoundariesX.get(i + 1)};
    }

    public double laneCentreX(String laneId) {
        double[] b = laneBounds(laneId);
        return (b[0] + b[1]) / 2;
    }

    public RoadLayout toLayout() {
        double cs = crosswalk == null ? stopLineY : crosswalk.startY();
        double ce = crosswalk == null ? stopLineY : crosswalk.endY();
        return new RoadLayout(laneBoundariesX, stopLineY, exitLineY, cs, ce);
    }

    /** A zebra crossing spanning [startY, endY] past the stop line. */
    public record Crosswalk(@JsonProperty(required = true) double startY, @JsonProperty(required = true) double endY) {
        public Crosswalk {
            if (!(endY > startY)) {
                throw new IllegalArgumentException("crosswalk.endY (" + endY + ") must be beyond startY (" + startY + ")");
            }
        }
    }
}
