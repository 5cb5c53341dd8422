package tw.enforce.sim.world;

/**
 * How simulated drivers brake and start. Planned stops brake at {@code comfortDecel}; a driver
 * surprised by amber still stops if it needs at most {@code maxComfortDecel}, else goes on.
 * Stopped vehicles stand {@code stopGapM} behind the line (or the vehicle ahead plus
 * {@code queueGapM}), start {@code reactionSeconds} after green, each queued vehicle
 * {@code queueHeadwaySeconds} after the one ahead; {@code STOP} drivers stand at least
 * {@code stopDwellSeconds}.
 */
public record DriverModel(double comfortDecel, double maxComfortDecel, double accel, double stopGapM,
                          double queueGapM, double reactionSeconds, double queueHeadwaySeconds,
                          double stopDwellSeconds) {

    public static DriverModel defaults() {
        return new DriverModel(2.5, 3.4, 2.0, 0.5, 2.0, 1.0, 1.5, 2.0);
    }
}
