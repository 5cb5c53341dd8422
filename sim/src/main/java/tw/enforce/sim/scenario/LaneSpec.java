package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a lane allows, beyond its strip (which {@code road.laneBoundariesX} gives): the direction
 * of lawful travel, the movements allowed at the junction and those exempt from the red light, the
 * speed limit (per class if wanted) and the vehicle classes banned from it. Every key but {@code id}
 * is optional; a lane not listed gets the defaults.
 */
public record LaneSpec(@JsonProperty(required = true) String id,
                       Travel travel,
                       List<Movement> movements,
                       List<Movement> turnOnRed,
                       Double speedLimitKmh,
                       Map<VehicleKind, Double> classSpeedLimitKmh,
                       List<VehicleKind> bannedClasses) {

    public static final List<Movement> DEFAULT_MOVEMENTS = List.of(Movement.STRAIGHT, Movement.LEFT, Movement.RIGHT);

    public LaneSpec {
        Checks.notBlank(id, "road.lanes id");
        travel = travel == null ? Travel.APPROACH : travel;
        movements = movements == null ? DEFAULT_MOVEMENTS : List.copyOf(movements);
        turnOnRed = turnOnRed == null ? List.of() : List.copyOf(turnOnRed);
        if (speedLimitKmh != null && !(speedLimitKmh > 0 && speedLimitKmh <= 200)) {
            throw new IllegalArgumentException("lane " + id + ": speedLimitKmh must be in (0, 200], was " + speedLimitKmh);
        }
        classSpeedLimitKmh = classSpeedLimitKmh == null ? Map.of() : Map.copyOf(classSpeedLimitKmh);
        classSpeedLimitKmh.forEach((k, v) -> {
            if (v == null || !(v > 0 && v <= 200)) {
                throw new IllegalArgumentException("lane " + id + ": classSpeedLimitKmh." + k + " must be in (0, 200], was " + v);
            }
        });
        bannedClasses = bannedClasses == null ? List.of() : List.copyOf(bannedClasses);
    }

    public static LaneSpec defaults(String id) {
        return new LaneSpec(id, null, null, null, null, null, null);
    }

    /** The limit for a vehicle of this kind, or NaN when the lane has none. */
    public double limitFor(VehicleKind kind) {
        Double c = classSpeedLimitKmh.get(kind);
        if (c != null) {
            return c;
        }
        return speedLimitKmh == null ? Double.NaN : speedLimitKmh;
    }
}
