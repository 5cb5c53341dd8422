package tw.enforce.sim.scene;

import java.util.List;

/**
 * The painted road of one approach, in site metres: traffic travels towards +y; lanes are strips
 * between x boundaries; the stop line and the exit line (far side of the junction) are lines of
 * constant y; the crosswalk spans [crosswalkStartY, crosswalkEndY] just past the stop line (equal
 * values mean none).
 */
public record RoadLayout(List<Double> laneBoundariesX, double stopLineY, double exitLineY,
                         double crosswalkStartY, double crosswalkEndY) {
}
