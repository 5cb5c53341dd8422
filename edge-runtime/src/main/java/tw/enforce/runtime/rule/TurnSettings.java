package tw.enforce.runtime.rule;

import java.util.List;

/**
 * The junction as ILLEGAL_TURN sees it: the lanes (stop line and allowed movements each), the exit
 * line (reaching it is going straight on) and the junction box's lateral edges (leaving past
 * {@code junctionXMin} is a left turn, past {@code junctionXMax} a right turn), site metres.
 */
public record TurnSettings(List<LaneSpec> lanes, double exitLineY, double junctionXMin, double junctionXMax) {
    public TurnSettings {
        lanes = List.copyOf(lanes);
        if (!(junctionXMax > junctionXMin)) {
            throw new IllegalArgumentException("junction xMax (" + junctionXMax + ") must be greater than xMin (" + junctionXMin + ")");
        }
    }
}
