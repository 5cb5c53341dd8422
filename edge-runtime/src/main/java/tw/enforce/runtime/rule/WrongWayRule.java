package tw.enforce.runtime.rule;

import java.util.List;
import java.util.Optional;
import tw.enforce.runtime.config.SiteConfig;

/**
 * WRONG_WAY: in one lane, the vehicle moves at least {@code minDistanceM} against the lane's travel.
 * The distance is measured on the smoothed path from where the vehicle started moving against the
 * lane (least-squares speed over ±0.5 s at least {@value #MOVING_MPS} m/s against it) while at least
 * {@value #LANE_INSET_M} m inside the lane, so a lawful vehicle hugging the line of an opposite lane
 * is never in it; the count restarts when the vehicle stops, leaves the lane or the track jumps, and
 * when the distance is reached it must still be moving against the lane at {@value
 * #MIN_AGAINST_MPS} m/s or more (a standing vehicle's jitter is not travel). Lanes are strips of x
 * along the whole road, as in the site config.
 */
public final class WrongWayRule implements ViolationRule<WrongWayInput> {
    public static final String NAME = "WRONG_WAY";
    static final double LANE_INSET_M = 0.3;
    static final double MIN_AGAINST_MPS = 1.0;
    static final double MOVING_MPS = 0.5;
    private static final double VELOCITY_WINDOW_S = 0.5;

    private final WrongWaySettings settings;

    public WrongWayRule(WrongWaySettings settings) {
        this.settings = settings;
    }

    /** The rule for a site with {@code rules.wrongWay}. */
    public static WrongWayRule fromSite(SiteConfig site) {
        Sections.require(site.rules().wrongWay(), "rules.wrongWay");
        return new WrongWayRule(new WrongWaySettings(LaneSpec.allOf(site), site.rules().wrongWay().minDistanceM()));
    }

    /**
     * An instance for replaying recorded inputs without the site file: {@link #decide} depends on the
     * input alone; {@link #inputFor} finds nothing to judge.
     */
    public static WrongWayRule forReplay() {
        return new WrongWayRule(new WrongWaySettings(List.of(), 8.0));
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
    public Class<WrongWayInput> inputType() {
        return WrongWayInput.class;
    }

    @Override
    public Optional<WrongWayInput> inputFor(TrackView track, SceneContext scene) {
        return Optional.of(new WrongWayInput(track.trackId(), track.trajectory(), settings));
    }

    @Override
    public RuleOutcome decide(WrongWayInput in) {
        SmoothedPath p = SmoothedPath.of(in.trajectory());
        double need = in.settings().minDistanceM();
        LaneSpec lane = null;
        int anchor = -1;
        for (int k = 0; k < p.size(); k++) {
            LaneSpec here = laneOf(in.settings().lanes(), p.x[k]);
            double speedAgainst = here == null ? Double.NaN : -here.travel().sign() * velocityY(p, k);
            if (Double.isNaN(speedAgainst) && here != null && here.equals(lane) && anchor >= 0 && !p.jumpsAt(k)) {
                continue; // too few observations around k (an occlusion) to tell its speed: the stay goes on
            }
            boolean against = speedAgainst >= MOVING_MPS;
            if (!against || !here.equals(lane) || anchor < 0 || p.jumpsAt(k)) {
                lane = here;
                anchor = against ? k : -1;
                continue;
            }
            int s = lane.travel().sign();
            if (s * (p.y[anchor] - p.y[k]) < need || speedAgainst < MIN_AGAINST_MPS) {
                continue;
            }
            int j = anchor + 1;
            while (s * (p.y[anchor] - p.y[j]) < need) {
                j++;
            }
            double f = SmoothedPath.fraction(s * (p.y[anchor] - p.y[j - 1]), s * (p.y[anchor] - p.y[j]), need);
            double at = p.t[j - 1] + f * (p.t[j] - p.t[j - 1]);
            double ex = p.x[j - 1] + f * (p.x[j] - p.x[j - 1]);
            double ey = p.y[j - 1] + f * (p.y[j] - p.y[j - 1]);
            var eventTime = p.instant(at);
            var m = new WrongWayMeasurement(eventTime, lane.id(), lane.travel(), p.at(anchor), p.x[anchor], p.y[anchor],
                    ex, ey, need, speedAgainst * 3.6);
            List<FrameRef> frames = List.of(new FrameRef(p.frame(anchor), "wrong-way-start"),
                    new FrameRef(p.frame((anchor + j) / 2), "wrong-way-midway"),
                    new FrameRef(p.frame(j), "wrong-way-distance-reached"));
            return new RuleOutcome.Violation(NAME, eventTime, lane.id(), Double.NaN, false, m, frames);
        }
        return new RuleOutcome.NoViolation("not seen moving " + need + " m against a lane's travel");
    }

    /** Along-road velocity over ±0.5 s, or over ±1 s where an occlusion leaves too little of the short window. */
    private static double velocityY(SmoothedPath p, int k) {
        double v = p.velocity(k, VELOCITY_WINDOW_S)[1];
        return Double.isNaN(v) ? p.velocity(k, 2 * VELOCITY_WINDOW_S)[1] : v;
    }

    private static LaneSpec laneOf(List<LaneSpec> lanes, double x) {
        for (LaneSpec l : lanes) {
            if (l.holds(x, LANE_INSET_M)) {
                return l;
            }
        }
        return null;
    }
}
