package tw.enforce.runtime.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tw.enforce.runtime.config.Movement;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.Travel;

/**
 * ILLEGAL_TURN: after crossing the stop line in lane L the vehicle leaves the junction left (x <
 * junction xMin), right (x > xMax), straight (y ≥ exit line) or turns back (y < stop line moving
 * −y), and L does not allow that movement. Every boundary must be passed by {@value #MARGIN_M} m on
 * {@value #CONFIRM} consecutive smoothed observations; a vehicle crossing the stop line within
 * {@value #LANE_TOLERANCE_M} m of a lane boundary is judged by the most permissive of the lanes it
 * may be in, and a track that jumps (another object taken over) is not followed past the jump.
 */
public final class IllegalTurnRule implements ViolationRule<TurnInput> {
    public static final String NAME = "ILLEGAL_TURN";
    static final double MARGIN_M = 0.5;
    static final int CONFIRM = 2;
    static final double LANE_TOLERANCE_M = 0.3;
    static final double BACK_SPEED_MPS = 1.0;
    private static final double VELOCITY_WINDOW_S = 0.5;

    private final TurnSettings settings;

    public IllegalTurnRule(TurnSettings settings) {
        this.settings = settings;
    }

    /** The rule for a site with {@code rules.turn} and {@code approach.junction}. */
    public static IllegalTurnRule fromSite(SiteConfig site) {
        Sections.require(site.rules().turn(), "rules.turn");
        Sections.require(site.approach().junction(), "approach.junction (needed by rules.turn)");
        var j = site.approach().junction();
        return new IllegalTurnRule(new TurnSettings(LaneSpec.allOf(site), site.approach().exitLineY(), j.xMin(), j.xMax()));
    }

    /**
     * An instance for replaying recorded inputs without the site file: {@link #decide} depends on the
     * input alone; {@link #inputFor} finds nothing to judge.
     */
    public static IllegalTurnRule forReplay() {
        return new IllegalTurnRule(new TurnSettings(List.of(), 1, -1, 1));
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
    public Class<TurnInput> inputType() {
        return TurnInput.class;
    }

    /** Empty when every movement is allowed in every lane (nothing to enforce). */
    @Override
    public Optional<TurnInput> inputFor(TrackView track, SceneContext scene) {
        boolean restricted = settings.lanes().stream().anyMatch(l -> l.travel() == Travel.APPROACH
                && !l.movements().containsAll(List.of(Movement.values())));
        return restricted ? Optional.of(new TurnInput(track.trackId(), track.trajectory(), settings)) : Optional.empty();
    }

    @Override
    public RuleOutcome decide(TurnInput in) {
        SmoothedPath p = SmoothedPath.of(in.trajectory());
        List<LaneSpec> approach = in.settings().lanes().stream().filter(l -> l.travel() == Travel.APPROACH).toList();
        SmoothedPath.Crossing entry = null;
        LaneSpec lane = null;
        for (LaneSpec l : approach) {
            for (SmoothedPath.Crossing c : SmoothedPath.crossings(p.y, l.stopLineY(), MARGIN_M, CONFIRM)) {
                if (c.direction() > 0 && p.plausible(c) && l.holds(SmoothedPath.lerp(p.x, c), -LANE_TOLERANCE_M)) {
                    if (entry == null || p.time(c) < p.time(entry)) {
                        entry = c;
                        lane = l;
                    }
                    break;
                }
            }
        }
        if (entry == null) {
            return new RuleOutcome.NoViolation("not seen crossing a stop line in an approach lane");
        }
        double xAtLine = SmoothedPath.lerp(p.x, entry);
        LaneSpec strict = LaneSpec.at(approach, xAtLine);
        lane = strict != null ? strict : lane;
        int seen = -1;
        Movement movement = null;
        int[] streak = new int[Movement.values().length];
        for (int k = entry.before() + 1; k < p.size() && movement == null; k++) {
            if (p.jumpsAt(k)) {
                return new RuleOutcome.NoViolation("track jumps in the junction before its movement is seen");
            }
            for (Movement m : Movement.values()) {
                streak[m.ordinal()] = shows(p, k, m, lane.stopLineY(), in.settings()) ? streak[m.ordinal()] + 1 : 0;
                if (streak[m.ordinal()] >= CONFIRM && movement == null) {
                    movement = m;
                    seen = k;
                }
            }
        }
        if (movement == null) {
            return new RuleOutcome.NoViolation("movement through the junction not seen (yet)");
        }
        List<LaneSpec> possible = new ArrayList<>(LaneSpec.near(approach, xAtLine, LANE_TOLERANCE_M));
        for (LaneSpec l : possible) {
            if (l.movements().contains(movement)) {
                return new RuleOutcome.NoViolation(movement + " is allowed from lane " + l.id());
            }
        }
        var eventTime = p.instant(p.time(entry));
        var m = new TurnMeasurement(eventTime, lane.id(), movement, lane.movements(), lane.stopLineY(), xAtLine,
                p.at(seen), p.x[seen], p.y[seen]);
        int middle = (entry.before() + 1 + seen) / 2;
        List<FrameRef> frames = List.of(new FrameRef(p.frame(entry.before()), "before-stop-line"),
                new FrameRef(p.frame(middle), "in-junction"),
                new FrameRef(p.frame(seen), "leaving-" + movement.yamlName()));
        return new RuleOutcome.Violation(NAME, eventTime, lane.id(), Double.NaN, false, m, frames);
    }

    private static boolean shows(SmoothedPath p, int k, Movement m, double stopLineY, TurnSettings s) {
        return switch (m) {
            case LEFT -> p.x[k] <= s.junctionXMin() - MARGIN_M;
            case RIGHT -> p.x[k] >= s.junctionXMax() + MARGIN_M;
            case STRAIGHT -> p.y[k] >= s.exitLineY() + MARGIN_M;
            case U_TURN -> p.y[k] <= stopLineY - MARGIN_M && p.velocity(k, VELOCITY_WINDOW_S)[1] <= -BACK_SPEED_MPS;
        };
    }
}
