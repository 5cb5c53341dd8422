package tw.enforce.radar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Recent radar readings by measurement time, for cross-checking a track's speed: the reading nearest
 * to the moment a vehicle was at the radar's aim point. The radar thread adds, the pipeline queries:
 * synchronized. Readings older than the retention behind the newest are dropped.
 */
public final class RadarHistory {
    private final Duration retention;
    private final Deque<RadarReading> readings = new ArrayDeque<>();

    public RadarHistory(Duration retention) {
        this.retention = retention;
    }

    public synchronized void add(RadarReading reading) {
        readings.addLast(reading);
        Instant oldest = reading.measuredAt().minus(retention);
        while (readings.peekFirst().measuredAt().isBefore(oldest)) {
            readings.removeFirst();
        }
    }

    /** The reading measured nearest to {@code at}, if one is within {@code maxGap} of it. */
    public synchronized Optional<RadarReading> nearest(Instant at, Duration maxGap) {
        RadarReading best = null;
        long bestGap = Long.MAX_VALUE;
        for (RadarReading r : readings) {
            long gap = Math.abs(Duration.between(at, r.measuredAt()).toNanos());
            if (gap < bestGap) {
                best = r;
                bestGap = gap;
            }
        }
        return best != null && bestGap <= maxGap.toNanos() ? Optional.of(best) : Optional.empty();
    }

    /** Readings measured within [{@code from}, {@code to}], oldest first. */
    public synchronized List<RadarReading> between(Instant from, Instant to) {
        List<RadarReading> out = new ArrayList<>();
        for (RadarReading r : readings) {
            if (!r.measuredAt().isBefore(from) && !r.measuredAt().isAfter(to)) {
                out.add(r);
            }
        }
        return out;
    }
}
