package tw.enforce.sim.truth;

/**
 * A vehicle's true mean speed over the speed zone (zone length / time between the front's
 * crossings of fromY and toY), whether or not it was over the limit: what the speed-error report
 * compares the unit's measurement with. {@code middleSeconds} is when the front was at the zone's
 * middle, {@code limitKmh} NaN where the lane has none.
 */
public record SpeedPass(String vehicleId, String kind, String lane, double middleSeconds, double meanKmh, double limitKmh) {
}
