package tw.enforce.runtime.rule;

import java.util.List;

/**
 * The geometry and tolerance the red-light rule decides with (site metres, seconds): the default
 * stop line, the exit line, the grace, the junction's lateral edges (null = unknown: only a vehicle
 * seen past the exit line completes a crossing), the lanes with their own stop lines and the
 * movements they may make on red, and the controller's programmed all-red (NaN = not configured).
 */
public record RedLightSettings(double stopLineY, double exitLineY, double graceSeconds, Double junctionXMin,
                               Double junctionXMax, List<Lane> lanes, double allRedSeconds) {
    public RedLightSettings {
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
    }

    public RedLightSettings(double stopLineY, double exitLineY, double graceSeconds) {
        this(stopLineY, exitLineY, graceSeconds, null, null, List.of(), Double.NaN);
    }

    /** A lane as the red-light rule sees it; {@code turnOnRed} holds Movement names (RIGHT, LEFT, U_TURN, STRAIGHT). */
    public record Lane(String id, double xMin, double xMax, double stopLineY, List<String> turnOnRed) {
        public Lane {
            turnOnRed = turnOnRed == null ? List.of() : List.copyOf(turnOnRed);
        }
    }

    Lane laneAt(double x) {
        for (Lane l : lanes) {
            if (x >= l.xMin() && x < l.xMax()) {
                return l;
            }
        }
        return null;
    }

    boolean knowsJunction() {
        return junctionXMin != null && junctionXMax != null;
    }
}
