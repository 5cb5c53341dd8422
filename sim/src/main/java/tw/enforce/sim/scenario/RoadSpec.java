package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tw.enforce.sim.scenario.Markings.CrosswalkArea;
import tw.enforce.sim.scenario.Markings.DoubleLine;
import tw.enforce.sim.scenario.Markings.Junction;
import tw.enforce.sim.scenario.Markings.NoStoppingZone;
import tw.enforce.sim.scene.RoadLayout;

/**
 * The painted road of the approach in site metres (traffic towards +y, x to the right of travel).
 * Lanes are the strips between consecutive {@code laneBoundariesX}, named L1, L2, … from left to
 * right. Vehicles appear at {@code entryY} and leave when their front passes {@code leaveY}.
 * {@code lanes} adds per-lane travel, movements, limits and bans; {@code junction}, {@code crosswalks},
 * {@code noStoppingZones} and {@code doubleLines} are the surveyed areas the other rules use.
 */
public record RoadSpec(@JsonProperty(required = true) List<Double> laneBoundariesX,
                       @JsonProperty(required = true) double stopLineY,
                       @JsonProperty(required = true) double exitLineY,
                       Crosswalk crosswalk,
                       Double entryY,
                       Double leaveY,
                       List<LaneSpec> lanes,
                       Junction junction,
                       List<CrosswalkArea> crosswalks,
                       List<NoStoppingZone> noStoppingZones,
                       List<DoubleLine> doubleLines) {

    /** Margin of the default junction box beyond the outermost lane lines. */
    public static final double DEFAULT_JUNCTION_MARGIN_M = 7.0;

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
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
        Set<String> seen = new HashSet<>();
        for (LaneSpec l : lanes) {
            int i = Integer.parseInt(l.id().matches("L[1-9][0-9]*") ? l.id().substring(1) : "0");
            if (i < 1 || i >= laneBoundariesX.size()) {
                throw new IllegalArgumentException("road.lanes: no lane '" + l.id() + "' between the laneBoundariesX; lanes are L1..L"
                        + (laneBoundariesX.size() - 1));
            }
            if (!seen.add(l.id())) {
                throw new IllegalArgumentException("road.lanes: lane '" + l.id() + "' is listed twice");
            }
        }
        if (junction != null && (junction.xMin() > laneBoundariesX.get(0) || junction.xMax() < laneBoundariesX.get(laneBoundariesX.size() - 1))) {
            throw new IllegalArgumentException("road.junction " + junction + " is narrower than the lanes " + laneBoundariesX);
        }
        crosswalks = crosswalks == null ? List.of() : List.copyOf(crosswalks);
        noStoppingZones = noStoppingZones == null ? List.of() : List.copyOf(noStoppingZones);
        doubleLines = doubleLines == null ? List.of() : List.copyOf(doubleLines);
        Set<String> ids = new HashSet<>();
        for (String id : crosswalks.stream().map(CrosswalkArea::id).toList()) {
            if (!ids.add(id)) {
                throw new IllegalArgumentException("road.crosswalks: id '" + id + "' is used twice");
            }
        }
        for (String id : noStoppingZones.stream().map(NoStoppingZone::id).toList()) {
            if (!ids.add(id)) {
                throw new IllegalArgumentException("road.noStoppingZones: id '" + id + "' is used twice");
            }
        }
        for (String id : doubleLines.stream().map(DoubleLine::id).toList()) {
            if (!ids.add(id)) {
                throw new IllegalArgumentException("road.doubleLines: id '" + id + "' is used twice");
            }
        }
    }

    public RoadSpec(List<Double> laneBoundariesX, double stopLineY, double exitLineY, Crosswalk crosswalk,
                    Double entryY, Double leaveY) {
        this(laneBoundariesX, stopLineY, exitLineY, crosswalk, entryY, leaveY, null, null, null, null, null);
    }

    /** The lane's rules: as listed in {@code road.lanes}, or the defaults. */
    public LaneSpec lane(String laneId) {
        laneBounds(laneId);
        return lanes.stream().filter(l -> l.id().equals(laneId)).findFirst().orElse(LaneSpec.defaults(laneId));
    }

    /** The lane whose strip holds x (xMin inclusive), or null outside the lanes. */
    public String laneAt(double x) {
        for (int i = 0; i + 1 < laneBoundariesX.size(); i++) {
            if (x >= laneBoundariesX.get(i) && x < laneBoundariesX.get(i + 1)) {
                return "L" + (i + 1);
            }
        }
        return null;
    }

    /** The junction box as given, else the lanes widened by {@link #DEFAULT_JUNCTION_MARGIN_M} each side. */
    public Junction junctionOrDefault() {
        return junction != null ? junction : new Junction(laneBoundariesX.get(0) - DEFAULT_JUNCTION_MARGIN_M,
                laneBoundariesX.get(laneBoundariesX.size() - 1) + DEFAULT_JUNCTION_MARGIN_M);
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
        double cs = crosswalk != null ? crosswalk.startY() : crosswalks.isEmpty() ? stopLineY : crosswalks.get(0).yMin();
        double ce = crosswalk != null ? crosswalk.endY() : crosswalks.isEmpty() ? stopLineY : crosswalks.get(0).yMax();
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
