package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import tw.enforce.runtime.geometry.WorldPoint;

/** A surveyed point on the road in site metres, as written in site.yaml ({@code {x: 3.5, y: -30}}). */
public record SitePoint(@JsonProperty(required = true) double x, @JsonProperty(required = true) double y) {
    public SitePoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point (" + x + ", " + y + ") must have finite coordinates");
        }
    }

    public WorldPoint world() {
        return new WorldPoint(x, y);
    }
}
