package tw.enforce.runtime.rule;

import java.util.List;

/** The lanes with their lawful travel, and how far (metres) a vehicle must move against its lane's travel to be driving the wrong way. */
public record WrongWaySettings(List<LaneSpec> lanes, double minDistanceM) {
    public WrongWaySettings {
        lanes = List.copyOf(lanes);
        if (!(minDistanceM > 0)) {
            throw new IllegalArgumentException("wrong-way minDistanceM must be > 0, got " + minDistanceM);
        }
    }
}
