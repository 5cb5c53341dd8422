package tw.enforce.runtime.rule;

import java.util.List;
import java.util.Optional;
import tw.enforce.runtime.config.SiteConfig;

/**
 * LINE_CROSSING: the vehicle's ground point goes from one side of a no-crossing line to the other
 * within the line's extent. A side counts only once the smoothed ground point is {@value #MARGIN_M} m
 * beyond the line on {@value #CONFIRM} consecutive observations, so a vehicle driving on or next to
 * the line with a jittering box never "crosses"; a crossing of the line's extension, or within
 * {@value #END_MARGIN_M} m of its ends, is not one; nor is a step across the line faster than
 * {@value #MAX_LATERAL_MPS} m/s sideways (the tracker swapping to a vehicle in the next lane).
 */
public final class LineCrossingRule implements ViolationRule<LineCrossingInput> {
    public static final String NAME = "LINE_CROSSING";
    static final double MARGIN_M = 0.3;
    static final int CONFIRM = 2;
    static final double END_MARGIN_M = 0.5;
    static final double MAX_LATERAL_MPS = 10;
    private static final double NEAR_M = 5.0;

    private final LineCrossingSettings settings;

    public LineCrossingRule(LineCrossingSettings settings) {
        this.settings = settings;
    }

    /** The rule for a site with {@code rules.lineCrossing} and {@code approach.doubleLines}. */
    public static LineCrossingRule fromSite(SiteConfig site) {
        Sections.require(site.rules().lineCrossing(), "rules.lineCrossing");
        List<PaintedLine> lines = site.approach().doubleLines().stream()
                .map(d -> new PaintedLine(d.id(), d.colour(), d.from().world(), d.to().world())).toList();
        return new LineCrossingRule(new LineCrossingSettings(lines, LaneSpec.allOf(site)));
    }

    /**
     * An instance for replaying recorded inputs without the site file: {@link #decide} depends on the
     * input alone; {@link #inputFor} finds nothing to judge.
     */
    public static LineCrossingRule forReplay() {
        return new LineCrossingRule(new LineCrossingSettings(List.of(), List.of()));
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
    public Class<LineCrossingInput> inputType() {
        return LineCrossingInput.class;
    }

    @Override
    public Optional<LineCrossingInput> inputFor(TrackView track, SceneContext scene) {
        for (TrajectorySample s : track.trajectory()) {
            for (PaintedLine line : settings.lines()) {
                double along = line.along(s.x(), s.y());
                if (!s.truncated() && Math.abs(line.side(s.x(), s.y())) < NEAR_M
                        && along > -NEAR_M && along < line.lengthM() + NEAR_M) {
                    return Optional.of(new LineCrossingInput(track.trackId(), track.trajectory(), settings));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public RuleOutcome decide(LineCrossingInput in) {
        SmoothedPath p = SmoothedPath.of(in.trajectory());
        if (p.size() < 2 * CONFIRM) {
            return new RuleOutcome.NoViolation("fewer than " + 2 * CONFIRM + " untruncated observations");
        }
        for (PaintedLine line : in.settings().lines()) {
            double[] side = new double[p.size()];
            for (int i = 0; i < side.length; i++) {
                side[i] = line.side(p.x[i], p.y[i]);
            }
            List<SmoothedPath.Crossing> crossings = SmoothedPath.crossings(side, 0, MARGIN_M, CONFIRM);
            for (SmoothedPath.Crossing c : crossings) {
                int b = c.before();
                if (!p.plausible(c) || Math.abs(side[b + 1] - side[b]) > MAX_LATERAL_MPS * (p.t[b + 1] - p.t[b])) {
                    continue; // the track jumped to another vehicle: no one drove across the line
                }
                double cx = SmoothedPath.lerp(p.x, c);
                double cy = SmoothedPath.lerp(p.y, c);
                double along = line.along(cx, cy);
                if (along < END_MARGIN_M || along > line.lengthM() - END_MARGIN_M) {
                    continue;
                }
                return violation(in, p, line, side, c, cx, cy, along);
            }
        }
        return new RuleOutcome.NoViolation("no confirmed crossing of a no-crossing line within its extent");
    }

    private RuleOutcome violation(LineCrossingInput in, SmoothedPath p, PaintedLine line, double[] side,
                                  SmoothedPath.Crossing c, double cx, double cy, double along) {
        int from = c.direction();
        int before = c.before();
        while (before > 0 && side[before] * from > -MARGIN_M) {
            before--;
        }
        int after = c.before() + 1;
        while (after < side.length - 1 && side[after] * from < MARGIN_M) {
            after++;
        }
        double maxBefore = 0;
        double maxAfter = 0;
        for (int i = 0; i < side.length; i++) {
            if (i <= c.before()) {
                maxBefore = Math.max(maxBefore, -side[i] * from);
            } else {
                maxAfter = Math.max(maxAfter, side[i] * from);
            }
        }
        var eventTime = p.instant(p.time(c));
        String direction = from > 0 ? "RIGHT_TO_LEFT" : "LEFT_TO_RIGHT";
        List<LaneSpec> lanes = in.settings().lanes();
        var m = new LineCrossingMeasurement(eventTime, line.id(), line.colour(), direction, cx, cy, along,
                LaneSpec.idAt(lanes, p.x[before]), LaneSpec.idAt(lanes, p.x[after]), maxBefore, maxAfter);
        List<FrameRef> frames = List.of(new FrameRef(p.frame(before), "before-line-" + line.id()),
                new FrameRef(p.frame(p.nearest(p.time(c))), "on-line-" + line.id()),
                new FrameRef(p.frame(after), "beyond-line-" + line.id()));
        return new RuleOutcome.Violation(NAME, eventTime, LaneSpec.idAt(lanes, p.x[before]), Double.NaN, false, m, frames);
    }
}
