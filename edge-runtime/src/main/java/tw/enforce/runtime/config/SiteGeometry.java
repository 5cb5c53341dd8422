package tw.enforce.runtime.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tw.enforce.runtime.geometry.Homography;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.WorldPoint;

/**
 * The checks that need more than one section of site.yaml: survey points that span the road,
 * lanes that do not overlap, a junction as wide as the lanes, elements the camera can see, a speed
 * zone inside the surveyed area, and every enabled rule's geometry present. A unit refuses to start
 * on a site that fails any of them; the message names the element.
 */
public final class SiteGeometry {
    /** Below this ratio of the survey's narrow to wide spread the points are taken as one line. */
    static final double MIN_SPREAD_RATIO = 0.05;

    private SiteGeometry() {
    }

    /** Checks that need no homography; run before solving it. */
    public static void checkSurvey(SiteConfig site) {
        List<SiteConfig.CalibrationPoint> pts = site.calibration().points();
        double world = spreadRatio(pts.stream().map(p -> new double[] {p.x(), p.y()}).toList());
        double image = spreadRatio(pts.stream().map(p -> new double[] {p.u(), p.v()}).toList());
        if (world < MIN_SPREAD_RATIO || image < MIN_SPREAD_RATIO) {
            throw new IllegalArgumentException(String.format("calibration.points: the surveyed points lie (nearly) on one line "
                    + "(spread ratio %.3f on the road, %.3f in the image, need ≥ %.2f); survey points across the road too",
                    world, image, MIN_SPREAD_RATIO));
        }
    }

    /** Every cross-section check; {@code worldToImage} is the inverse of the solved calibration. */
    public static void check(SiteConfig site, Homography worldToImage) {
        SiteConfig.Approach a = site.approach();
        checkIds(a);
        List<SiteConfig.Lane> lanes = new ArrayList<>(a.lanes());
        lanes.sort(Comparator.comparingDouble(SiteConfig.Lane::xMin));
        for (int i = 0; i + 1 < lanes.size(); i++) {
            if (lanes.get(i).xMax() > lanes.get(i + 1).xMin() + 1e-9) {
                throw new IllegalArgumentException("lanes " + lanes.get(i).id() + " and " + lanes.get(i + 1).id()
                        + " overlap (" + lanes.get(i).xMax() + " > " + lanes.get(i + 1).xMin() + ")");
            }
        }
        if (a.junction() != null && !lanes.isEmpty()) {
            double lo = lanes.get(0).xMin();
            double hi = lanes.stream().mapToDouble(SiteConfig.Lane::xMax).max().orElse(lo);
            if (a.junction().xMin() > lo + 1e-9 || a.junction().xMax() < hi - 1e-9) {
                throw new IllegalArgumentException("approach.junction (x " + a.junction().xMin() + ".." + a.junction().xMax()
                        + ") is narrower than the lanes (x " + lo + ".." + hi + ")");
            }
        }
        for (SiteElement e : elements(site)) {
            if (!e.mustBeVisible()) {
                continue;
            }
            for (SitePoint p : e.points()) {
                ImagePoint ip = project(site, worldToImage, p);
                if (ip == null || ip.u() < 0 || ip.v() < 0 || ip.u() > site.camera().width() || ip.v() > site.camera().height()) {
                    throw new IllegalArgumentException(e.name() + ": corner (" + p.x() + ", " + p.y() + ") "
                            + (ip == null ? "lies behind the camera's horizon" : String.format("projects to (%.0f, %.0f) px,", ip.u(), ip.v())
                            + " outside the " + site.camera().width() + "x" + site.camera().height() + " image"));
                }
            }
        }
        checkRuleGeometry(site);
    }

    private static void checkRuleGeometry(SiteConfig site) {
        SiteConfig.Approach a = site.approach();
        SiteConfig.Rules r = site.rules();
        if (r.speed() != null) {
            double lo = site.calibration().points().stream().mapToDouble(SiteConfig.CalibrationPoint::y).min().orElseThrow();
            double hi = site.calibration().points().stream().mapToDouble(SiteConfig.CalibrationPoint::y).max().orElseThrow();
            if (r.speed().fromY() < lo - 1e-9 || r.speed().toY() > hi + 1e-9) {
                throw new IllegalArgumentException("rules.speed: the zone y " + r.speed().fromY() + ".." + r.speed().toY()
                        + " lies outside the calibrated area (surveyed y " + lo + ".." + hi + "); survey marks that cover it");
            }
            if (a.lanes().stream().noneMatch(SiteConfig.Lane::hasSpeedLimit)) {
                throw new IllegalArgumentException("rules.speed is enabled but no lane has speedLimitKmh or classSpeedLimitKmh");
            }
        }
        requireGeometry(r.yield() != null && a.crosswalks().isEmpty(), "rules.yield", "approach.crosswalks");
        requireGeometry(r.lineCrossing() != null && a.doubleLines().isEmpty(), "rules.lineCrossing", "approach.doubleLines");
        requireGeometry(r.turn() != null && a.junction() == null, "rules.turn", "approach.junction");
        requireGeometry(r.turn() != null && a.lanes().isEmpty(), "rules.turn", "approach.lanes");
        requireGeometry(r.wrongWay() != null && a.lanes().isEmpty(), "rules.wrongWay", "approach.lanes");
        requireGeometry(r.noStopping() != null && a.noStoppingZones().isEmpty(), "rules.noStopping", "approach.noStoppingZones");
        if (r.restrictedClass() != null && a.lanes().stream().allMatch(l -> l.bannedClasses().isEmpty())) {
            throw new IllegalArgumentException("rules.restrictedClass is enabled but no lane has bannedClasses");
        }
    }

    private static void requireGeometry(boolean missing, String rule, String geometry) {
        if (missing) {
            throw new IllegalArgumentException(rule + " is enabled but " + geometry + " is missing");
        }
    }

    private static void checkIds(SiteConfig.Approach a) {
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        a.lanes().forEach(l -> ids.add(l.id()));
        a.crosswalks().forEach(c -> ids.add(c.id()));
        a.noStoppingZones().forEach(z -> ids.add(z.id()));
        a.doubleLines().forEach(d -> ids.add(d.id()));
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("approach: id '" + id + "' is used by two elements; ids must be unique");
            }
        }
    }

    /** Every element with its outline: stop lines and the exit line per lane, crosswalks, zones, double lines, the speed zone. */
    public static List<SiteElement> elements(SiteConfig site) {
        SiteConfig.Approach a = site.approach();
        List<SiteElement> out = new ArrayList<>();
        for (SiteConfig.Lane l : a.lanes()) {
            if (l.travel() == Travel.APPROACH) {
                double y = a.stopLineY(l);
                out.add(new SiteElement("lane " + l.id() + " stop line", List.of(new SitePoint(l.xMin(), y), new SitePoint(l.xMax(), y)), false));
            }
        }
        if (!a.lanes().isEmpty()) {
            double lo = a.lanes().stream().mapToDouble(SiteConfig.Lane::xMin).min().orElseThrow();
            double hi = a.lanes().stream().mapToDouble(SiteConfig.Lane::xMax).max().orElseThrow();
            out.add(new SiteElement("exit line", List.of(new SitePoint(lo, a.exitLineY()), new SitePoint(hi, a.exitLineY())), false));
        }
        for (Crosswalk c : a.crosswalks()) {
            out.add(new SiteElement("crosswalk " + c.id(), c.corners(), true));
        }
        for (NoStoppingZone z : a.noStoppingZones()) {
            out.add(new SiteElement("no-stopping zone " + z.id(), z.polygon(), true));
        }
        for (DoubleLine d : a.doubleLines()) {
            out.add(new SiteElement("double line " + d.id(), List.of(d.from(), d.to()), true));
        }
        RuleSettings.Speed s = site.rules().speed();
        if (s != null && !a.lanes().isEmpty()) {
            double lo = a.lanes().stream().mapToDouble(SiteConfig.Lane::xMin).min().orElseThrow();
            double hi = a.lanes().stream().mapToDouble(SiteConfig.Lane::xMax).max().orElseThrow();
            out.add(new SiteElement("speed zone", List.of(new SitePoint(lo, s.fromY()), new SitePoint(hi, s.fromY()),
                    new SitePoint(hi, s.toY()), new SitePoint(lo, s.toY())), false));
        }
        return out;
    }

    /**
     * Image position of a road point, or null when it lies on or beyond the horizon (on the other
     * side of it from the surveyed points, where a homography maps to a mirrored, meaningless place).
     */
    public static ImagePoint project(SiteConfig site, Homography worldToImage, SitePoint p) {
        double[] h = worldToImage.coefficients();
        double cx = site.calibration().points().stream().mapToDouble(SiteConfig.CalibrationPoint::x).average().orElse(0);
        double cy = site.calibration().points().stream().mapToDouble(SiteConfig.CalibrationPoint::y).average().orElse(0);
        double ref = h[6] * cx + h[7] * cy + h[8];
        double w = h[6] * p.x() + h[7] * p.y() + h[8];
        if (Math.abs(w) < 1e-12 || Math.signum(w) != Math.signum(ref)) {
            return null;
        }
        return worldToImage.toImage(new WorldPoint(p.x(), p.y()));
    }

    /** sqrt(λmin / λmax) of the points' covariance: 0 for points on one line, 1 for an even spread. */
    static double spreadRatio(List<double[]> pts) {
        double mx = 0, my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= pts.size();
        my /= pts.size();
        double sxx = 0, syy = 0, sxy = 0;
        for (double[] p : pts) {
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double tr = sxx + syy;
        double det = sxx * syy - sxy * sxy;
        double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
        double big = tr / 2 + disc, small = tr / 2 - disc;
        return big <= 0 ? 0 : Math.sqrt(Math.max(0, small) / big);
    }
}
