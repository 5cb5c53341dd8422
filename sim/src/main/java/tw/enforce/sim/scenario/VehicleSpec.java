package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One vehicle: it appears at the road's entryY in {@code lane} at {@code enterAt} seconds,
 * travelling at {@code speedKmh}, and treats the signal per {@code behaviour}. {@code appearance}
 * picks a sprite; by default the renderer gets the vehicle's position in the list.
 *
 * <p>Optional path keys: {@code movement} at the junction (straight, left, right, uTurn), with
 * {@code turnRadiusM}; {@code travel} (default: the lane's) — a vehicle travelling {@code opposite}
 * appears at road.leaveY and drives towards −y; {@code laneChange} to another lane over a stretch
 * of road; {@code park} to come to a stand at a point for a dwell.
 */
public record VehicleSpec(@JsonProperty(required = true) String id,
                          @JsonProperty(required = true) VehicleKind kind,
                          @JsonProperty(required = true) String plate,
                          @JsonProperty(required = true) String lane,
                          @JsonProperty(required = true) double enterAt,
                          @JsonProperty(required = true) double speedKmh,
                          @JsonProperty(required = true) Behaviour behaviour,
                          Integer appearance,
                          Movement movement,
                          Double turnRadiusM,
                          Travel travel,
                          LaneChange laneChange,
                          Park park) {

    public VehicleSpec(String id, VehicleKind kind, String plate, String lane, double enterAt, double speedKmh,
                       Behaviour behaviour, Integer appearance) {
        this(id, kind, plate, lane, enterAt, speedKmh, behaviour, appearance, null, null, null, null, null);
    }

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
        movement = movement == null ? Movement.STRAIGHT : movement;
        if (turnRadiusM != null && !(turnRadiusM >= 2 && turnRadiusM <= 50)) {
            throw new IllegalArgumentException("vehicle '" + id + "': turnRadiusM must be in [2, 50], was " + turnRadiusM);
        }
        if (travel == Travel.OPPOSITE && (movement != Movement.STRAIGHT || park != null)) {
            throw new IllegalArgumentException("vehicle '" + id + "': a vehicle travelling opposite goes straight and does not park");
        }
        if (park != null && movement != Movement.STRAIGHT) {
            throw new IllegalArgumentException("vehicle '" + id + "': a parking vehicle goes straight on afterwards (no movement)");
        }
    }

    /** Moves to {@code toLane}'s centre while its front covers [startY, startY + lengthM] in its direction of travel. */
    public record LaneChange(@JsonProperty(required = true) String toLane, @JsonProperty(required = true) double startY,
                             Double lengthM) {
        public LaneChange {
            Checks.notBlank(toLane, "laneChange.toLane");
            Checks.finite(startY, "laneChange.startY");
            lengthM = lengthM == null ? 20.0 : lengthM;
            if (!(lengthM >= 5 && lengthM <= 100)) {
                throw new IllegalArgumentException("laneChange.lengthM must be in [5, 100], was " + lengthM);
            }
        }
    }

    /**
     * Comes to a stand with its front at {@code y} and at {@code x} (default: the lane centre),
     * stands {@code dwellSeconds} (longer than the run = stays), then drives on back to its lane.
     */
    public record Park(@JsonProperty(required = true) double y, Double x, @JsonProperty(required = true) double dwellSeconds) {
        public Park {
            Checks.finite(y, "park.y");
            if (x != null) {
                Checks.finite(x, "park.x");
            }
            Checks.positive(dwellSeconds, "park.dwellSeconds");
        }
    }

    public double speedMps() {
        return speedKmh / 3.6;
    }
}
