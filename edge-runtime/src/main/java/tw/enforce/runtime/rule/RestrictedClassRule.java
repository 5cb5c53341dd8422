package tw.enforce.runtime.rule;

import java.util.List;
import java.util.Optional;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.Travel;
import tw.enforce.runtime.detect.ObjectClass;

/**
 * RESTRICTED_CLASS: a vehicle of a class its lane bans crosses the check line in that lane, travelling
 * towards the junction (the front is the ground point only for traffic facing the camera). The class must be stable: agreed by at least {@code
 * minClassAgreement} of at least {@value #MIN_CLASS_OBSERVATIONS} detections. The crossing needs
 * the smoothed front {@value #MARGIN_M} m either side of the line on {@value #CONFIRM} observations,
 * and a vehicle within {@value #LANE_TOLERANCE_M} m of a lane boundary must be banned in every lane
 * it may be in.
 */
public final class RestrictedClassRule implements ViolationRule<RestrictedClassInput> {
    public static final String NAME = "RESTRICTED_CLASS";
    static final int MIN_CLASS_OBSERVATIONS = 10;
    static final double MARGIN_M = 0.5;
    static final int CONFIRM = 2;
    static final double LANE_TOLERANCE_M = 0.3;

    private final RestrictedClassSettings settings;

    public RestrictedClassRule(RestrictedClassSettings settings) {
        this.settings = settings;
    }

    /** The rule for a site with {@code rules.restrictedClass} and lanes with {@code bannedClasses}. */
    public static RestrictedClassRule fromSite(SiteConfig site) {
        var section = Sections.require(site.rules().restrictedClass(), "rules.restrictedClass");
        return new RestrictedClassRule(new RestrictedClassSettings(LaneSpec.allOf(site), section.checkY(),
                section.minClassAgreement()));
    }

    /**
     * An instance for replaying recorded inputs without the site file: {@link #decide} depends on the
     * input alone; {@link #inputFor} finds nothing to judge.
     */
    public static RestrictedClassRule forReplay() {
        return new RestrictedClassRule(new RestrictedClassSettings(List.of(), null, 0.8));
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
    public Class<RestrictedClassInput> inputType() {
        return RestrictedClassInput.class;
    }

    /** Empty unless some lane bans the track's class. */
    @Override
    public Optional<RestrictedClassInput> inputFor(TrackView track, SceneContext scene) {
        ObjectClass c = classOf(track.vehicleClass());
        if (c == null || settings.lanes().stream().noneMatch(l -> l.bannedClasses().contains(c))) {
            return Optional.empty();
        }
        return Optional.of(new RestrictedClassInput(track.trackId(), track.vehicleClass(), track.classAgreement(),
                track.classVotes(), track.trajectory(), settings));
    }

    @Override
    public RuleOutcome decide(RestrictedClassInput in) {
        ObjectClass c = classOf(in.vehicleClass());
        if (c == null) {
            return new RuleOutcome.NoViolation("unknown class '" + in.vehicleClass() + "'");
        }
        RestrictedClassSettings cfg = in.settings();
        if (in.classAgreement() < cfg.minClassAgreement()) {
            return new RuleOutcome.NoViolation(String.format("class %s agreed by %.2f of detections, below %.2f",
                    c, in.classAgreement(), cfg.minClassAgreement()));
        }
        if (in.totalVotes() < MIN_CLASS_OBSERVATIONS) {
            return new RuleOutcome.NoViolation("class seen in only " + in.totalVotes() + " detections");
        }
        SmoothedPath p = SmoothedPath.of(in.trajectory());
        for (LaneSpec lane : cfg.lanes()) {
            if (!lane.bannedClasses().contains(c) || lane.travel() != Travel.APPROACH) {
                continue;
            }
            double checkY = cfg.checkYFor(lane);
            for (SmoothedPath.Crossing cross : SmoothedPath.crossings(p.y, checkY, MARGIN_M, CONFIRM)) {
                double x = SmoothedPath.lerp(p.x, cross);
                if (cross.direction() < 0 || !p.plausible(cross) || !lane.holds(x, 0)) {
                    continue;
                }
                if (LaneSpec.near(cfg.lanes(), x, LANE_TOLERANCE_M).stream().anyMatch(l -> !l.bannedClasses().contains(c))) {
                    return new RuleOutcome.NoViolation("crossed " + checkY + " on the boundary of a lane that allows " + c);
                }
                var eventTime = p.instant(p.time(cross));
                var m = new RestrictedClassMeasurement(eventTime, lane.id(), c, in.classAgreement(), in.totalVotes(),
                        lane.bannedClasses(), checkY, x);
                int after = Math.min(cross.before() + CONFIRM, p.size() - 1);
                List<FrameRef> frames = List.of(new FrameRef(p.frame(cross.before()), "before-check-line"),
                        new FrameRef(p.frame(after), "past-check-line"));
                return new RuleOutcome.Violation(NAME, eventTime, lane.id(), Double.NaN, false, m, frames);
            }
        }
        return new RuleOutcome.NoViolation("not seen crossing the check line in a lane that bans " + c);
    }

    private static ObjectClass classOf(String name) {
        for (ObjectClass c : ObjectClass.values()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
