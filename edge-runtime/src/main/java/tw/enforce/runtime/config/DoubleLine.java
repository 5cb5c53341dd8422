package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A painted no-crossing line (double yellow / white) from one surveyed end to the other, site metres. */
public record DoubleLine(@JsonProperty(required = true) String id,
                         String colour,
                         @JsonProperty(required = true) SitePoint from,
                         @JsonProperty(required = true) SitePoint to) {
    public DoubleLine {
        SiteConfig.requireId("double line id", id);
        colour = colour == null ? "yellow" : colour;
        if (!colour.equals("yellow") && !colour.equals("white")) {
            throw new IllegalArgumentException("double line " + id + ": colour must be yellow or white, got '" + colour + "'");
        }
        if (from.world().distanceTo(to.world()) < 1.0) {
            throw new IllegalArgumentException("double line " + id + ": from and to must be at least 1 m apart");
        }
    }

    public double lengthM() {
        return from.world().distanceTo(to.world());
    }
}
