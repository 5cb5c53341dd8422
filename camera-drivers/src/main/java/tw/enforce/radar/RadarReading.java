package tw.enforce.radar;

import java.time.Instant;
import java.util.Objects;

/**
 * One speed measurement, timed on the unit's clock at the moment the radar measured it (receipt time
 * minus the age the radar reported), so it lines up with frame and track times.
 */
public record RadarReading(long sequence, Instant measuredAt, double speedKmh, Direction direction) {

    public enum Direction { APPROACHING, RECEDING }

    public RadarReading {
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(direction, "direction");
        if (!(speedKmh >= 0 && speedKmh < 400)) {
            throw new IllegalArgumentException("radar speed must be 0..400 km/h, was " + speedKmh);
        }
    }
}
