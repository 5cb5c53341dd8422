package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A pedestrian walking in a straight line from {@code from} to {@code to}, starting at {@code enterAt}. */
public record PedestrianSpec(@JsonProperty(required = true) String id,
                             @JsonProperty(required = true) double enterAt,
                             @JsonProperty(required = true) Point from,
                             @JsonProperty(required = true) Point to,
                             Double speedMps,
                             Integer appearance) {

    public PedestrianSpec {
        Checks.notBlank(id, "pedestrian id");
        Checks.nonNegative(enterAt, "pedestrian '" + id + "': enterAt");
        Checks.notNull(from, "pedestrian '" + id + "': from");
        Checks.notNull(to, "pedestrian '" + id + "': to");
        if (Math.hypot(to.x() - from.x(), to.y() - from.y()) < 0.1) {
            throw new IllegalArgumentException("pedestrian '" + id + "': from and to must be at least 0.1 m apart");
        }
        speedMps = speedMps == null ? 1.3 : speedMps;
        if (!(speedMps > 0 && speedMps <= 10)) {
            throw new IllegalArgumentException("pedestrian '" + id + "': speedMps must be in (0, 10], was " + speedMps);
        }
        if (appearance != null && appearance < 0) {
            throw new IllegalArgumentException("pedestrian '" + id + "': appearance must be >= 0, was " + appearance);
        }
    }

    /** A point on the road in site metres. */
    public record Point(@JsonProperty(required = true) double x, @JsonProperty(required = true) double y) {
        public Point {
            Checks.finite(x, "x");
            Checks.finite(y, "y");
        }
    }
}
