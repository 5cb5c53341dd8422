package tw.enforce.runtime.rule;

import java.time.Instant;

/** A radar speed reading as a rule input: when it was measured (unit clock), km/h, APPROACHING or RECEDING. */
public record RadarSample(Instant measuredAt, double speedKmh, String direction) {
}
