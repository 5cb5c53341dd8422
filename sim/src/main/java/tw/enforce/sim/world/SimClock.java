package tw.enforce.sim.world;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulation's clock: a fixed epoch plus the simulated seconds the driver has set. Everything
 * that timestamps in the simulated unit (frames, GPIO edges, evidence) reads this one clock, so a
 * lamp edge and a frame carry exactly the simulated times they happened at. Safe to read from any
 * thread; set by the one thread that runs the simulation.
 */
public final class SimClock extends Clock {
    public static final Instant DEFAULT_EPOCH = Instant.parse("2026-11-26T02:00:00Z");

    private final Instant epoch;
    private final ZoneId zone;
    private final SimClock source;
    private volatile long nanos;

    public SimClock() {
        this(DEFAULT_EPOCH);
    }

    public SimClock(Instant epoch) {
        this.epoch = epoch;
        this.zone = ZoneOffset.UTC;
        this.source = this;
    }

    private SimClock(SimClock source, ZoneId zone) {
        this.epoch = source.epoch;
        this.zone = zone;
        this.source = source;
    }

    /** Sets simulated time, in seconds after the epoch (rounded to the nanosecond). */
    public void setSeconds(double t) {
        source.nanos = toNanos(t);
    }

    public double seconds() {
        return source.nanos / 1e9;
    }

    public Instant epoch() {
        return epoch;
    }

    /** The instant of simulated second {@code t}: the same rounding {@link #setSeconds} uses. */
    public Instant instantAt(double t) {
        return instantAt(epoch, t);
    }

    public static Instant instantAt(Instant epoch, double t) {
        return epoch.plusNanos(toNanos(t));
    }

    /** Simulated seconds of an instant. */
    public static double secondsOf(Instant epoch, Instant at) {
        return (at.getEpochSecond() - epoch.getEpochSecond()) + (at.getNano() - epoch.getNano()) / 1e9;
    }

    @Override
    public Instant instant() {
        return epoch.plusNanos(source.nanos);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SimClock(source, newZone);
    }

    private static long toNanos(double t) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("simulated time must be finite, was " + t);
        }
        return Math.round(t * 1e9);
    }
}
