package tw.enforce.runtime.rule;

import java.util.List;

/** The no-stopping zones, the speed (km/h) below which a vehicle counts as standing, and the lanes (to name the lane). */
public record NoStoppingSettings(List<StoppingZone> zones, double standingKmh, List<LaneSpec> lanes) {
    public NoStoppingSettings {
        zones = List.copyOf(zones);
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
        if (!(standingKmh > 0)) {
            throw new IllegalArgumentException("no-stopping standingKmh must be > 0, got " + standingKmh);
        }
    }
}
