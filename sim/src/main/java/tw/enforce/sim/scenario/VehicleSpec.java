package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One vehicle: it appears at the road's entryY in {@code lane} at {@code enterAt} seconds,
 * travelling at {@code speedKmh}, and treats the signal per {@code behaviour}. {@code appearance}
 * picks a sprite; by default the renderer gets the vehicle's position in the list.
 */
public record VehicleSpec(@JsonProperty(required = true) String id,
                          @JsonProperty(required = true) VehicleKind kind,
                          @JsonProperty(required = true) String plate,
                          @JsonProperty(required = true) String lane,
                          @JsonProperty(required = true) double enterAt,
                          @JsonProperty(required = true) double speedKmh,
                          @JsonProperty(required = true) Behaviour behaviour,
                          Integer appearance) {

    public VehicleSpec {
        Checks.notBlank(id, "vehicle id");
        Checks.notNull(kind, "vehicle '" + id + "': kind");
        if (!TaiwanPlates.isValid(kind, plate)) {
            throw new IllegalArgumentException("vehicle '" + id + "': plate '" + plate + "' is not a Taiwan "
                    + kind.name().toLowerCase() + " plate (expected " + TaiwanPlates.expected(kind) + ")");
        }
        Checks.notBlank(lane, "vehicle '" + id + "': lane");
        Checks.nonNegative(enterAt, "vehicle '" + id + "': enterAt");
        if (!(speedKmh > 0 && speedKmh <= 200)) {
            throw new IllegalArgumentException("vehicle '" + id + "': speedKmh must be in (0, 200], was " + speedKmh);
        }
        Checks.notNull(behaviour, "vehicle '" + id + "': behaviour");
        if (appearance != null && appearance < 0) {
            throw new IllegalArgumentException("vehicle '" + id + "': appearance must be >= 0, was " + appearance);
        }
    }

    public double speedMps() {
        return speedKmh / 3.6;
    }
}
