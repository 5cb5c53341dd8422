package tw.enforce.runtime.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tw.enforce.runtime.config.RuleSettings;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.Travel;

/**
 * SPEED: the mean speed of the front over the zone [fromY, toY] — the least-squares slope of its
 * position over the frames that span the zone — against the limit of the lane the vehicle is in at
 * the zone middle (per class if the lane says so) plus the margin. With a radar wired, the reading
 * nearest the middle instant (within 0.5 s, APPROACHING) must agree with video within the
 * tolerance, or the case is void: reported as a NoViolation whose reason starts with
 * {@link #VOID}, so the pipeline can count it. Uses only untruncated observations, median-of-3 y.
 */
public final class SpeedRule implements ViolationRule<SpeedInput> {
    public static final String NAME = "SPEED";
    public static final String VOID = "VOID";
    /** How the speed is measured, recorded in the manifest. */
    public static final String METHOD = "video-zone-lsq-fit";
    static final Duration RADAR_WINDOW = Duration.ofMillis(500);
    private final RuleSettings.Speed zone;
    private final List<SiteConfig.Lane> lanes;

    public SpeedRule(RuleSettings.Speed zone, List<SiteConfig.Lane> lanes) {
        this.zone = zone;
        this.lanes = List.copyOf(lanes);
    }

    /** The rule for a site whose {@code rules.speed} is set; lanes travelling away from the junction are not enforced. */
    public static SpeedRule fromSite(SiteConfig site) {
        return new SpeedRule(site.rules().speed(),
                site.approach().lanes().stream().filter(l -> l.travel() == Travel.APPROACH).toList());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SpeedInput> inputType() {
        return SpeedInput.class;
    }

    @Override
    public Optional<SpeedInput> inputFor(TrackView track, SceneContext scene) {
        List<SpeedSettings.Lane> limited = new ArrayList<>();
        for (SiteConfig.Lane l : lanes) {
            OptionalDouble limit = l.speedLimitKmhFor(track.vehicleClass());
            limit.ifPresent(v -> limited.add(new SpeedSettings.Lane(l.id(), l.xMin(), l.xMax(), v)));
        }
        if (limited.isEmpty() || track.trajectory().size() < 2) {
            return Optional.empty();
        }
        Instant from = track.trajectory().get(0).at().minus(RADAR_WINDOW);
        Instant to = track.trajectory().get(track.trajectory().size() - 1).at().plus(RADAR_WINDOW);
        List<RadarSample> radar = scene.radar().stream()
                .filter(r -> !r.measuredAt().isBefore(from) && !r.measuredAt().isAfter(to)).toList();
        return Optional.of(new SpeedInput(track.trackId(), track.vehicleClass(), track.trajectory(), radar,
                new SpeedSettings(zone.fromY(), zone.toY(), zone.marginKmh(), zone.radarToleranceKmh(), limited)));
    }

    @Override
    public RuleOutcome decide(SpeedInput in) {
        List<TrajectorySample> s = in.trajectory().stream().filter(t -> !t.truncated())
                .sorted((a, b) -> a.at().compareTo(b.at())).toList();
        if (s.size() < 3) {
            return new RuleOutcome.NoViolation("fewer than 3 untruncated observations");
        }
        double[] y = RedLightRule.medianOf3(s);
        SpeedSettings cfg = in.settings();
        Crossing entry = lastCrossing(s, y, cfg.fromY(), s.size() - 1);
        if (entry == null) {
            return new RuleOutcome.NoViolation("not seen entering the speed zone");
        }
        Crossing exit = firstCrossing(s, y, cfg.toY(), entry.index());
        if (exit == null) {
            return new RuleOutcome.NoViolation("not seen leaving the speed zone");
        }
        double middleY = (cfg.fromY() + cfg.toY()) / 2;
        Crossing middle = firstCrossing(s, y, middleY, entry.index());
        double elapsed = Duration.between(entry.at(), exit.at()).toNanos() / 1e9;
        if (middle == null || elapsed <= 0) {
            return new RuleOutcome.NoViolation("no usable passage through the zone");
        }
        double speed = fittedSpeedKmh(s, y, entry.index(), exit.index() + 1);
        if (Double.isNaN(speed)) {
            return new RuleOutcome.NoViolation("too few observations in the speed zone for a fit");
        }
        SpeedSettings.Lane lane = cfg.laneAt(middle.x());
        if (lane == null) {
            return new RuleOutcome.NoViolation(String.format("at x %.2f m: no lane with a limit for %s", middle.x(), in.vehicleClass()));
        }
        if (speed <= lane.limitKmh() + cfg.marginKmh()) {
            return new RuleOutcome.NoViolation(String.format("%.1f km/h within %.0f + %.1f km/h in lane %s",
                    speed, lane.limitKmh(), cfg.marginKmh(), lane.id()));
        }
        RadarSample radar = nearestApproaching(in.radar(), middle.at());
        if (radar != null && Math.abs(radar.speedKmh() - speed) > cfg.radarToleranceKmh()) {
            return new RuleOutcome.NoViolation(String.format("%s: radar %.1f km/h and video %.1f km/h differ by more than %.1f km/h",
                    VOID, radar.speedKmh(), speed, cfg.radarToleranceKmh()));
        }
        SpeedMeasurement m = new SpeedMeasurement(middle.at(), entry.at(), exit.at(), cfg.fromY(), cfg.toY(), speed,
                lane.limitKmh(), cfg.marginKmh(), in.vehicleClass(), radar == null ? Double.NaN : radar.speedKmh(),
                radar == null ? null : radar.measuredAt(), METHOD);
        return new RuleOutcome.Violation(NAME, middle.at(), lane.id(), speed, true, m, List.of(
                new FrameRef(s.get(entry.index()).frame(), "speed-start"),
                new FrameRef(s.get(middle.index()).frame(), "speed-middle"),
                new FrameRef(s.get(exit.index() + 1).frame(), "speed-end")));
    }

    /**
     * Mean speed over the zone as the least-squares slope of position against time through every
     * observation from the one before the zone to the one after it: for a vehicle at constant
     * acceleration that is exactly the speed at mid-time, i.e. the zone mean, and unlike the two
     * interpolated crossings alone it uses every frame, so ground-point noise averages out.
     */
    static double fittedSpeedKmh(List<TrajectorySample> s, double[] y, int from, int to) {
        if (to - from + 1 < 3) {
            return Double.NaN;
        }
        Instant t0 = s.get(from).at();
        double st = 0, sy = 0, stt = 0, sty = 0;
        int n = 0;
        for (int i = from; i <= to; i++) {
            double t = Duration.between(t0, s.get(i).at()).toNanos() / 1e9;
            st += t;
            sy += y[i];
            stt += t * t;
            sty += t * y[i];
            n++;
        }
        double den = n * stt - st * st;
        return den <= 0 ? Double.NaN : (n * sty - st * sy) / den * 3.6;
    }

    /** The crossing of line y between observations i and i+1, interpolated in time and x. */
    private record Crossing(int index, Instant at, double x) {
    }

    private static Crossing lastCrossing(List<TrajectorySample> s, double[] y, double line, int upTo) {
        for (int i = upTo - 1; i >= 0; i--) {
            if (y[i] < line && y[i + 1] >= line) {
                return crossing(s, y, line, i);
            }
        }
        return null;
    }

    private static Crossing firstCrossing(List<TrajectorySample> s, double[] y, double line, int from) {
        for (int i = from; i + 1 < s.size(); i++) {
            if (y[i] < line && y[i + 1] >= line) {
                return crossing(s, y, line, i);
            }
        }
        return null;
    }

    private static Crossing crossing(List<TrajectorySample> s, double[] y, double line, int i) {
        double f = y[i + 1] == y[i] ? 1 : (line - y[i]) / (y[i + 1] - y[i]);
        long nanos = Duration.between(s.get(i).at(), s.get(i + 1).at()).toNanos();
        return new Crossing(i, s.get(i).at().plusNanos(Math.round(nanos * f)),
                s.get(i).x() + (s.get(i + 1).x() - s.get(i).x()) * f);
    }

    private static RadarSample nearestApproaching(List<RadarSample> radar, Instant at) {
        RadarSample best = null;
        long bestNanos = RADAR_WINDOW.toNanos();
        for (RadarSample r : radar) {
            long d = Math.abs(Duration.between(at, r.measuredAt()).toNanos());
            if ("APPROACHING".equalsIgnoreCase(r.direction()) && d <= bestNanos) {
                best = r;
                bestNanos = d;
            }
        }
        return best;
    }
}
