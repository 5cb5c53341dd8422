package tw.enforce.runtime.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tw.enforce.runtime.config.SiteConfig;

/**
 * YIELD: while the vehicle's front is on a crosswalk, a pedestrian is on the same crosswalk within
 * the conflict distance laterally. Both tracks are median-smoothed; the vehicle must be seen
 * {@value #ENTRY_MARGIN_M} m before and beyond the near edge (a vehicle that stops on the edge is not
 * "entering"), must be at least {@value #INSIDE_M} m in, and the conflict must hold on {@value
 * #MIN_CONFLICTS} observations, with the pedestrian {@value #PED_INSET_M} m inside the crosswalk and
 * positions interpolated only across gaps up to {@value #MAX_GAP_S} s, so one jittering box
 * cannot make a ticket; a pedestrian track of fewer than {@value #MIN_PEDESTRIAN_OBSERVATIONS}
 * observations (a passing false detection) is not a pedestrian.
 */
public final class YieldRule implements ViolationRule<YieldInput> {
    public static final String NAME = "YIELD";
    static final double ENTRY_MARGIN_M = 0.5;
    static final double INSIDE_M = 0.2;
    static final double PED_INSET_M = 0.1;
    static final int CONFIRM = 2;
    static final int MIN_CONFLICTS = 2;
    static final int MIN_PEDESTRIAN_OBSERVATIONS = 5;
    static final double MAX_GAP_S = 1.0;
    private static final double NEAR_M = 1.0;
    private static final Duration SPAN_MARGIN = Duration.ofSeconds(2);

    private final YieldSettings settings;

    public YieldRule(YieldSettings settings) {
        this.settings = settings;
    }

    /** The rule for a site with {@code rules.yield} and {@code approach.crosswalks}. */
    public static YieldRule fromSite(SiteConfig site) {
        Sections.require(site.rules().yield(), "rules.yield");
        List<CrosswalkArea> crosswalks = site.approach().crosswalks().stream()
                .map(c -> new CrosswalkArea(c.id(), c.yMin(), c.yMax(), c.xMin(), c.xMax())).toList();
        return new YieldRule(new YieldSettings(crosswalks, site.rules().yield().conflictDistanceM(), LaneSpec.allOf(site)));
    }

    /**
     * An instance for replaying recorded inputs without the site file: {@link #decide} depends on the
     * input alone; {@link #inputFor} finds nothing to judge.
     */
    public static YieldRule forReplay() {
        return new YieldRule(new YieldSettings(List.of(), 3.0, List.of()));
    }

    @Override
    public String toString() {
        return NAME;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<YieldInput> inputType() {
        return YieldInput.class;
    }

    /** Empty unless a pedestrian was seen near a crosswalk during the track (then nobody can have been failed). */
    @Override
    public Optional<YieldInput> inputFor(TrackView track, SceneContext scene) {
        if (track.trajectory().isEmpty()) {
            return Optional.empty();
        }
        Instant from = track.trajectory().get(0).at().minus(SPAN_MARGIN);
        Instant to = track.trajectory().get(track.trajectory().size() - 1).at().plus(SPAN_MARGIN);
        List<PedestrianTrack> near = new ArrayList<>();
        for (PedestrianTrack p : scene.pedestrians()) {
            if (p.trajectory().stream().anyMatch(s -> !s.at().isBefore(from) && !s.at().isAfter(to) && nearCrosswalk(s))) {
                near.add(p);
            }
        }
        return near.isEmpty() ? Optional.empty() : Optional.of(new YieldInput(track.trackId(), track.trajectory(), near, settings));
    }

    private boolean nearCrosswalk(TrajectorySample s) {
        return settings.crosswalks().stream().anyMatch(c -> c.holds(s.x(), s.y(), -NEAR_M));
    }

    @Override
    public RuleOutcome decide(YieldInput in) {
        SmoothedPath v = SmoothedPath.of(in.trajectory());
        List<SmoothedPath> peds = new ArrayList<>();
        for (PedestrianTrack p : in.pedestrians()) {
            peds.add(SmoothedPath.of(p.trajectory()));
        }
        String why = "not seen entering a crosswalk";
        for (CrosswalkArea cw : in.settings().crosswalks()) {
            SmoothedPath.Crossing entry = SmoothedPath.first(
                    SmoothedPath.crossings(v.y, cw.yMin(), ENTRY_MARGIN_M, CONFIRM), 1);
            if (entry == null || !v.plausible(entry)) {
                continue;
            }
            why = "no pedestrian in conflict on " + cw.id();
            for (int j = 0; j < peds.size(); j++) {
                if (peds.get(j).size() < MIN_PEDESTRIAN_OBSERVATIONS) {
                    continue;
                }
                RuleOutcome o = judge(in, v, entry, cw, in.pedestrians().get(j).trackId(), peds.get(j));
                if (o != null) {
                    return o;
                }
            }
        }
        return new RuleOutcome.NoViolation(why);
    }

    private RuleOutcome judge(YieldInput in, SmoothedPath v, SmoothedPath.Crossing entry, CrosswalkArea cw,
                              long pedId, SmoothedPath ped) {
        double limit = in.settings().conflictDistanceM();
        List<Integer> hits = new ArrayList<>();
        double minDx = Double.MAX_VALUE;
        double[] firstPed = null;
        int beyond = 0;
        for (int k = entry.before() + 1; k < v.size() && beyond < CONFIRM; k++) {
            beyond = v.y[k] >= cw.yMax() + ENTRY_MARGIN_M ? beyond + 1 : 0;
            if (v.y[k] < cw.yMin() + INSIDE_M || v.y[k] > cw.yMax()) {
                continue;
            }
            double[] q = ped.positionAt(v.at(k), MAX_GAP_S);
            if (q == null || !cw.holds(q[0], q[1], PED_INSET_M)) {
                continue;
            }
            double dx = Math.abs(q[0] - v.x[k]);
            if (dx <= limit) {
                if (firstPed == null) {
                    firstPed = q;
                }
                hits.add(k);
                minDx = Math.min(minDx, dx);
            }
        }
        if (hits.size() < MIN_CONFLICTS) {
            return null;
        }
        int first = hits.get(0);
        int last = hits.get(hits.size() - 1);
        Instant eventTime = v.instant(v.time(entry));
        var m = new YieldMeasurement(eventTime, cw.id(), pedId, v.at(first), hits.size(), minDx, limit,
                v.x[first], v.y[first], firstPed[0], firstPed[1]);
        List<FrameRef> frames = List.of(new FrameRef(v.frame(entry.before()), "before-crosswalk-" + cw.id()),
                new FrameRef(v.frame(first), "pedestrian-on-crosswalk-" + cw.id()),
                new FrameRef(v.frame(last), "in-crosswalk-with-pedestrian-" + cw.id()));
        String lane = LaneSpec.idAt(in.settings().lanes(), SmoothedPath.lerp(v.x, entry));
        return new RuleOutcome.Violation(NAME, eventTime, lane, Double.NaN, false, m, frames);
    }
}
