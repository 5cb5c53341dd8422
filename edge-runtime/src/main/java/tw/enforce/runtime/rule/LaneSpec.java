package tw.enforce.runtime.rule;

import java.util.ArrayList;
import java.util.List;
import tw.enforce.runtime.config.Movement;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.Travel;
import tw.enforce.runtime.detect.ObjectClass;

/**
 * A lane as the rules see it (copied from the site config into rule inputs so a decision can be
 * replayed from the manifest alone): the strip [xMin, xMax) in site metres, its lawful travel, its
 * stop line (its own or the approach's), the movements allowed at the junction and the banned classes.
 */
public record LaneSpec(String id, double xMin, double xMax, Travel travel, double stopLineY, List<Movement> movements,
                       List<ObjectClass> bannedClasses) {
    public LaneSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("lane id must not be blank");
        }
        if (!(xMax > xMin)) {
            throw new IllegalArgumentException("lane " + id + ": xMax (" + xMax + ") must be greater than xMin (" + xMin + ")");
        }
        travel = travel == null ? Travel.APPROACH : travel;
        movements = movements == null ? List.of(Movement.STRAIGHT, Movement.LEFT, Movement.RIGHT) : List.copyOf(movements);
        bannedClasses = bannedClasses == null ? List.of() : List.copyOf(bannedClasses);
    }

    /** The lane as the site config describes it, with its stop line resolved (its own, else the approach's). */
    public static LaneSpec of(SiteConfig.Approach approach, SiteConfig.Lane lane) {
        return new LaneSpec(lane.id(), lane.xMin(), lane.xMax(), lane.travel(), approach.stopLineY(lane), lane.movements(),
                lane.bannedClasses());
    }

    /** Every lane of the site's approach. */
    public static List<LaneSpec> allOf(SiteConfig site) {
        return site.approach().lanes().stream().map(l -> of(site.approach(), l)).toList();
    }

    /** Whether x lies in the strip shrunk by {@code inset} on both sides (a negative inset widens it). */
    public boolean holds(double x, double inset) {
        return x >= xMin + inset && x < xMax - inset;
    }

    /** The lane whose strip holds x, or null. */
    static LaneSpec at(List<LaneSpec> lanes, double x) {
        for (LaneSpec l : lanes) {
            if (l.holds(x, 0)) {
                return l;
            }
        }
        return null;
    }

    /** Every lane x might be in, allowing for {@code tolerance} metres of lateral error. */
    static List<LaneSpec> near(List<LaneSpec> lanes, double x, double tolerance) {
        List<LaneSpec> out = new ArrayList<>();
        for (LaneSpec l : lanes) {
            if (l.holds(x, -tolerance)) {
                out.add(l);
            }
        }
        return out;
    }

    static String idAt(List<LaneSpec> lanes, double x) {
        LaneSpec l = at(lanes, x);
        return l == null ? null : l.id();
    }
}
