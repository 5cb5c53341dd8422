package tw.enforce.runtime.rule;

import java.util.List;

/**
 * The speed zone [fromY, toY] (site metres along the approach), the margin above the limit, the
 * tolerance between radar and video, and the lanes with the limit that applies to this vehicle's
 * class (a lane absent here has no limit for it and is not enforced).
 */
public record SpeedSettings(double fromY, double toY, double marginKmh, double radarToleranceKmh, List<Lane> lanes) {
    public SpeedSettings {
        lanes = List.copyOf(lanes);
    }

    public record Lane(String id, double xMin, double xMax, double limitKmh) {
    }

    Lane laneAt(double x) {
        for (Lane l : lanes) {
            if (x >= l.xMin() && x < l.xMax()) {
                return l;
            }
        }
        return null;
    }
}
