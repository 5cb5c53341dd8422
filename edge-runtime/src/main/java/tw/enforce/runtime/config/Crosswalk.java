package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A painted crosswalk: the rectangle [xMin, xMax] × [yMin, yMax] in site metres; yMin is the edge traffic meets first. */
public record Crosswalk(@JsonProperty(required = true) String id,
                        @JsonProperty(required = true) double yMin,
                        @JsonProperty(required = true) double yMax,
                        @JsonProperty(required = true) double xMin,
                        @JsonProperty(required = true) double xMax) {
    public Crosswalk {
        SiteConfig.requireId("crosswalk id", id);
        if (!(yMax > yMin) || !(xMax > xMin)) {
            throw new IllegalArgumentException("crosswalk " + id + ": needs yMax > yMin and xMax > xMin, got y "
                    + yMin + ".." + yMax + ", x " + xMin + ".." + xMax);
        }
    }

    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }

    /** The four corners, counter-clockwise from (xMin, yMin). */
    public List<SitePoint> corners() {
        return List.of(new SitePoint(xMin, yMin), new SitePoint(xMax, yMin), new SitePoint(xMax, yMax), new SitePoint(xMin, yMax));
    }
}
