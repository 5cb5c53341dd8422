package tw.enforce.runtime.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tw.enforce.runtime.config.SiteConfig;

/**
 * NO_STOPPING: the ground point stands (speed below {@code standingKmh}) inside a zone for at least
 * the zone's {@code maxDwellSeconds} without interruption. Speed is a least-squares fit over
 * ±{@value #SPEED_WINDOW_S} s of the smoothed path, so box jitter does not read as movement and a
 * single fast reading is tolerated; two in a row end the stand. The stand's position is the median
 * of its observations and must lie inside the zone, while every observation must be within
 * {@value #ZONE_TOLERANCE_M} m of the zone (a vehicle creeping out ends the stand). An occlusion of up to
 * {@value #MAX_GAP_S} s is bridged only if the vehicle is found again within {@value #GAP_MOVE_M} m.
 */
public final class NoStoppingRule implements ViolationRule<NoStoppingInput> {
    public static final String NAME = "NO_STOPPING";
    static final double SPEED_WINDOW_S = 1.0;
    static final double SHORT_WINDOW_S = 0.3;
    static final double ZONE_TOLERANCE_M = 0.5;
    static final double MAX_GAP_S = 3.0;
    static final double GAP_MOVE_M = 1.0;
    static final int MAX_FAST_READINGS = 1;

    private final NoStoppingSettings settings;

    public NoStoppingRule(NoStoppingSettings settings) {
        this.settings = settings;
    }

    /** The rule for a site with {@code rules.noStopping} and {@code approach.noStoppingZones}. */
    public static NoStoppingRule fromSite(SiteConfig site) {
        var section = Sections.require(site.rules().noStopping(), "rules.noStopping");
        List<StoppingZone> zones = site.approach().noStoppingZones().stream()
                .map(z -> new StoppingZone(z.id(), z.kind(), z.maxDwellSeconds(),
                        z.polygon().stream().map(p -> p.world()).toList())).toList();
        return new NoStoppingRule(new NoStoppingSettings(zones, section.standingKmh(), LaneSpec.allOf(site)));
    }

    /**
     * An instance for replaying recorded inputs without the site file: {@link #decide} depends on the
     * input alone; {@link #inputFor} finds nothing to judge.
     */
    public static NoStoppingRule forReplay() {
        return new NoStoppingRule(new NoStoppingSettings(List.of(), 3.0, List.of()));
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
    public Class<NoStoppingInput> inputType() {
        return NoStoppingInput.class;
    }

    /** Empty unless the track was seen in (or next to) a zone. */
    @Override
    public Optional<NoStoppingInput> inputFor(TrackView track, SceneContext scene) {
        boolean near = track.trajectory().stream().anyMatch(s -> !s.truncated()
                && settings.zones().stream().anyMatch(z -> z.holdsWithin(s.x(), s.y(), ZONE_TOLERANCE_M)));
        return near ? Optional.of(new NoStoppingInput(track.trackId(), track.trajectory(), settings)) : Optional.empty();
    }

    @Override
    public RuleOutcome decide(NoStoppingInput in) {
        SmoothedPath p = SmoothedPath.of(in.trajectory());
        double standing = in.settings().standingKmh() / 3.6;
        double[] speed = new double[p.size()];
        for (int k = 0; k < speed.length; k++) {
            double[] v = p.velocity(k, SPEED_WINDOW_S);
            speed[k] = Math.hypot(v[0], v[1]);
        }
        double longest = 0;
        for (StoppingZone zone : in.settings().zones()) {
            int start = -1;
            int fast = 0;
            boolean outside = false;
            for (int k = 0; k < p.size(); k++) {
                boolean broken = start >= 0 && (fast > MAX_FAST_READINGS || p.jumpsAt(k) || (p.t[k] - p.t[k - 1] > MAX_GAP_S)
                        || (p.t[k] - p.t[k - 1] > SPEED_WINDOW_S && Math.hypot(p.x[k] - p.x[k - 1], p.y[k] - p.y[k - 1]) > GAP_MOVE_M)
                        || !zone.holdsWithin(p.x[k], p.y[k], ZONE_TOLERANCE_M));
                if (broken) {
                    start = -1;
                }
                boolean still = speed[k] < standing;
                if (start < 0) {
                    if (still && zone.holdsWithin(p.x[k], p.y[k], ZONE_TOLERANCE_M)) {
                        start = k;
                        fast = 0;
                        outside = false;
                    }
                    continue;
                }
                fast = still ? 0 : fast + 1;
                if (fast > 0) {
                    continue;
                }
                double dwell = p.t[k] - p.t[start];
                longest = Math.max(longest, dwell);
                if (dwell >= zone.maxDwellSeconds() && !outside) {
                    RuleOutcome o = violation(in, p, speed, zone, start, k);
                    if (o != null) {
                        return o;
                    }
                    outside = true;
                }
            }
        }
        return new RuleOutcome.NoViolation(String.format("longest uninterrupted stand in a zone %.1f s", longest));
    }

    /**
     * When the stand began, to a fraction of a frame: the long speed window that makes standing
     * robust blurs a stop by up to its half-width, so the start is refined on a short window (at
     * most {@value #SPEED_WINDOW_S} s later) and interpolated at the standing speed.
     */
    private static double standStart(SmoothedPath p, int start, double standing) {
        int k = start;
        double previous = Math.hypot(p.velocity(start - 1, SHORT_WINDOW_S)[0], p.velocity(start - 1, SHORT_WINDOW_S)[1]);
        while (k + 1 < p.size() && p.t[k] - p.t[start] < SPEED_WINDOW_S) {
            double[] v = p.velocity(k, SHORT_WINDOW_S);
            double speed = Math.hypot(v[0], v[1]);
            if (speed < standing) {
                if (previous > speed && previous >= standing) {
                    double f = (previous - standing) / (previous - speed);
                    return p.t[k - 1] + f * (p.t[k] - p.t[k - 1]);
                }
                return p.t[k];
            }
            previous = speed;
            k++;
        }
        return p.t[start];
    }

    /** The violation for a stand from {@code start} that reached the zone's limit at {@code limit}, or null if its median position is outside the zone. */
    private RuleOutcome violation(NoStoppingInput in, SmoothedPath p, double[] speed, StoppingZone zone, int start, int limit) {
        double[] xs = Arrays.copyOfRange(p.x, start, limit + 1);
        double[] ys = Arrays.copyOfRange(p.y, start, limit + 1);
        Arrays.sort(xs);
        Arrays.sort(ys);
        double mx = xs[xs.length / 2];
        double my = ys[ys.length / 2];
        if (!zone.contains(mx, my)) {
            return null;
        }
        int last = limit;
        double standing = in.settings().standingKmh() / 3.6;
        while (last + 1 < p.size() && speed[last + 1] < standing && zone.holdsWithin(p.x[last + 1], p.y[last + 1], ZONE_TOLERANCE_M)
                && p.t[last + 1] - p.t[last] <= MAX_GAP_S) {
            last++;
        }
        double maxSpeed = 0;
        for (int k = start; k <= last; k++) {
            maxSpeed = Math.max(maxSpeed, speed[k]);
        }
        boolean firstSeen = start == 0;
        double begin = p.t[start];
        if (!firstSeen) {
            begin = standStart(p, start, standing);
        }
        var eventTime = p.instant(begin);
        var m = new NoStoppingMeasurement(eventTime, zone.id(), zone.kind(), zone.maxDwellSeconds(), p.at(limit),
                p.t[last] - begin, firstSeen, mx, my, maxSpeed * 3.6);
        // the unit pins frames of standing vehicles beyond its ring, so the stand's start can be asked for
        List<FrameRef> frames = new ArrayList<>(List.of(
                new FrameRef(p.frame(start), "dwell-start-" + zone.id()),
                new FrameRef(p.frame((start + limit) / 2), "dwell-middle-" + zone.id()),
                new FrameRef(p.frame(limit), "dwell-limit-reached-" + zone.id())));
        return new RuleOutcome.Violation(NAME, eventTime, LaneSpec.idAt(in.settings().lanes(), mx), Double.NaN, false, m, frames);
    }
}
