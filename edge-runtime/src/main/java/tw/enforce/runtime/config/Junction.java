package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The lateral edges of the junction box in site metres: leaving past xMin is a left turn, past xMax a right turn. */
public record Junction(@JsonProperty(required = true) double xMin, @JsonProperty(required = true) double xMax) {
    public Junction {
        if (!(xMax > xMin)) {
            throw new IllegalArgumentException("approach.junction: xMax (" + xMax + ") must be greater than xMin (" + xMin + ")");
        }
    }
}
