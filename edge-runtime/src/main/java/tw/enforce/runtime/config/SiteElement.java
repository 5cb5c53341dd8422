package tw.enforce.runtime.config;

import java.util.List;

/** A named painted or surveyed element of the site (e.g. {@code crosswalk CW1}) and its outline in site metres. */
public record SiteElement(String name, List<SitePoint> points, boolean mustBeVisible) {
    public SiteElement {
        points = List.copyOf(points);
    }
}
