package tw.enforce.runtime.rule;

import java.util.List;

/**
 * The crosswalks, how close (laterally, metres) a pedestrian on one must be to the vehicle for the
 * vehicle to have had to yield, and the lanes (to name the vehicle's lane).
 */
public record YieldSettings(List<CrosswalkArea> crosswalks, double conflictDistanceM, List<LaneSpec> lanes) {
    public YieldSettings {
        crosswalks = List.copyOf(crosswalks);
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
        if (!(conflictDistanceM > 0)) {
            throw new IllegalArgumentException("yield conflictDistanceM must be > 0, got " + conflictDistanceM);
        }
    }
}
