package tw.enforce.runtime.rule;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.signal.PhaseInterval;
import tw.enforce.runtime.signal.SignalPhase;

/**
 * What evaluating every enabled rule live costs: each rule of a site run on a vehicle track every
 * 0.5 s of its life (as the pipeline does) against the baseline of running them once at track end,
 * on the same synthetic tracks (15 fps, 6 s from 45 m before the stop line, 40–90 km/h, light
 * jitter). Prints µs per track for both and their ratio, and the share of a 15 fps frame budget
 * the live evaluation takes per simultaneous track.
 *
 * <pre>java -cp … tw.enforce.runtime.rule.RuleEvaluationBench SITE_YAML [TRACKS=400]</pre>
 */
public final class RuleEvaluationBench {
    private RuleEvaluationBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: RuleEvaluationBench SITE_YAML [TRACKS=400]");
            System.exit(2);
        }
        RuleRegistry rules = RuleRegistry.forSite(SiteConfigLoader.load(Path.of(args[0])).config());
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Instant t0 = Instant.parse("2026-11-26T02:00:00Z");
        List<PhaseInterval> phases = List.of(new PhaseInterval(SignalPhase.GREEN, t0.minusSeconds(60), t0.plusSeconds(2)),
                new PhaseInterval(SignalPhase.AMBER, t0.plusSeconds(2), t0.plusSeconds(5)),
                new PhaseInterval(SignalPhase.RED, t0.plusSeconds(5), null));
        SceneContext scene = new SceneContext(phases, List.of(), List.of());
        java.util.Random r = new java.util.Random(1);
        List<TrackView> tracks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double kmh = 40 + 50 * r.nextDouble();
            List<TrajectorySample> s = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                double t = i / 15.0;
                s.add(new TrajectorySample(i, t0.plusNanos(Math.round(t * 1e9)), 640, 400, -1.5 + 0.05 * r.nextGaussian(),
                        -45 + kmh / 3.6 * t + 0.05 * r.nextGaussian(), false));
            }
            tracks.add(new TrackView(k, "CAR", 1, null, s));
        }
        int sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            sink += run(rules, tracks, scene, false) + run(rules, tracks, scene, true);
        }
        long a = System.nanoTime();
        sink += run(rules, tracks, scene, false);
        long endOnly = System.nanoTime() - a;
        a = System.nanoTime();
        sink += run(rules, tracks, scene, true);
        long live = System.nanoTime() - a;
        System.out.printf(Locale.ROOT, "rules %s on %d tracks of 6 s at 15 fps (violations seen: %d)%n", rules.names(), n, sink);
        System.out.printf(Locale.ROOT, "end of track only (baseline): %.1f µs per track%n", endOnly / 1e3 / n);
        System.out.printf(Locale.ROOT, "live every 0.5 s + end:       %.1f µs per track (%.1fx the baseline)%n",
                live / 1e3 / n, (double) live / endOnly);
        System.out.printf(Locale.ROOT, "live cost per frame per simultaneous track: %.4f%% of the 66.7 ms frame budget%n",
                live / 1e3 / n / 90 / 66_700 * 100);
    }

    private static int run(RuleRegistry rules, List<TrackView> tracks, SceneContext scene, boolean live) {
        int violations = 0;
        for (TrackView t : tracks) {
            List<TrajectorySample> all = t.trajectory();
            List<Integer> ends = new ArrayList<>();
            for (int end = 8; live && end < all.size(); end += 8) {
                ends.add(end); // 8 frames at 15 fps ≈ the pipeline's 0.5 s
            }
            ends.add(all.size());
            for (int end : ends) {
                TrackView part = new TrackView(t.trackId(), t.vehicleClass(), 1, null, all.subList(0, end));
                for (ViolationRule<?> rule : rules.rules()) {
                    violations += decide(rule, part, scene);
                }
            }
        }
        return violations;
    }

    private static <I> int decide(ViolationRule<I> rule, TrackView t, SceneContext scene) {
        return rule.inputFor(t, scene).map(rule::decide).filter(o -> o instanceof RuleOutcome.Violation).isPresent() ? 1 : 0;
    }
}
