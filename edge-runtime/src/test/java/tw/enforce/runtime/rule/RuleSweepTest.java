package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.config.TestSites;

/**
 * Many noisy tracks through the full test site (every rule enabled): lawful traffic must never be
 * ticketed by any rule, and offences must be found at the right instant. Noise is seeded: box
 * jitter up to 0.3 m, 3 % wild boxes, an occlusion gap per track.
 */
class RuleSweepTest {
    @TempDir
    Path dir;

    List<ViolationRule<?>> rules() throws Exception {
        var site = SiteConfigLoader.load(TestSites.write(dir, TestSites.full())).config();
        return List.of(YieldRule.fromSite(site), LineCrossingRule.fromSite(site), IllegalTurnRule.fromSite(site),
                WrongWayRule.fromSite(site), RestrictedClassRule.fromSite(site), NoStoppingRule.fromSite(site));
    }

    static Paths noisy(Paths p, Random r, double end) {
        double gapAt = r.nextDouble() * end;
        return p.jitter(0.05 + 0.25 * r.nextDouble(), r.nextLong()).outliers(0.03).gap(gapAt, gapAt + 0.3 + r.nextDouble());
    }

    static <I> RuleOutcome run(ViolationRule<I> rule, TrackView t, SceneContext scene) {
        return rule.inputFor(t, scene).map(rule::decide).orElse(new RuleOutcome.NoViolation("no input"));
    }

    /**
     * Lawful movements at the test site: L1 straight/left/U-turn (bans trucks), L2 straight/right, L3
     * opposite. (The offences below may also be another rule's offence, e.g. entering L3 against its
     * travel; only the intended rule is checked there.)
     */
    static Paths lawful(int kind, Random r) {
        double off = (r.nextDouble() - 0.5) * 1.2;
        double v = (20 + 50 * r.nextDouble()) / 3.6;
        double x1 = -1.75 + off;
        double x2 = 1.75 + off;
        return switch (kind) {
            case 0 -> Paths.of(t -> x1, t -> -60 + v * t);
            case 1 -> Paths.of(t -> x2, t -> -60 + v * t);
            case 2 -> { // queues short of the line, stands, goes on
                double stopY = -0.5 - 10 * r.nextDouble();
                double arrive = (stopY + 60) / v;
                double leave = arrive + 5 + 35 * r.nextDouble();
                yield Paths.of(t -> x2, Paths.knots(0, -60, arrive, stopY, leave, stopY, leave + 6, 40));
            }
            case 3 -> IllegalTurnRuleTest.path(x2, IllegalTurnRuleTest.RIGHT_TURN);
            case 4 -> IllegalTurnRuleTest.path(x1, IllegalTurnRuleTest.LEFT_TURN);
            case 5 -> IllegalTurnRuleTest.path(-1.75, 4.6, -1.75, 6, 5.6, 1.75, 9, 6.6, 5.25, 6, 12, 5.25, -40);
            case 6 -> Paths.of(t -> 5.25 + off / 3, t -> 22 - v * t);
            default -> Paths.of(t -> 5.25, Paths.knots(0, 22, 5, -35, 95, -35, 100, -70)); // stands just past Z1
        };
    }

    @Test
    void lawfulTrafficWithNoisyBoxesIsNeverTicketed() throws Exception {
        List<ViolationRule<?>> rules = rules();
        Random r = new Random(20261126);
        List<String> wrong = new ArrayList<>();
        int tracks = 0;
        for (int i = 0; i < 96; i++) {
            int kind = i % 8;
            double end = kind == 7 ? 100 : kind == 2 ? 60 : 14;
            List<TrajectorySample> traj = noisy(lawful(kind, r), r, end).observe(0, end);
            String cls = kind == 1 ? "TRUCK" : "CAR";
            TrackView t = new TrackView(i, cls, 1.0, Map.of(cls, traj.size()), traj);
            // a pedestrian on CW1 well clear of where the vehicle crosses it
            double side = kind == 0 || kind == 4 ? 4.5 : kind == 5 ? -6.5 : -4.5;
            PedestrianTrack ped = new PedestrianTrack(1000 + i, Paths.of(u -> side, u -> 3.5 + 3 * r.nextDouble())
                    .jitter(0.1, i).observe(0, end));
            SceneContext scene = new SceneContext(List.of(), List.of(ped), List.of());
            for (ViolationRule<?> rule : rules) {
                if (run(rule, t, scene) instanceof RuleOutcome.Violation v) {
                    wrong.add("track " + i + " kind " + kind + ": " + v.rule() + " " + v.measurement());
                }
            }
            tracks++;
        }
        assertEquals(96, tracks);
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong tickets: " + wrong);
    }

    @Test
    void noisyOffencesAreFoundAtTheirDecisiveInstant() throws Exception {
        List<ViolationRule<?>> rules = rules();
        Random r = new Random(7);
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            int kind = i % 6;
            double v = (25 + 35 * r.nextDouble()) / 3.6;
            Paths p;
            String rule;
            String cls = "CAR";
            double truth;
            double window;
            List<PedestrianTrack> peds = List.of();
            switch (kind) {
                case 0 -> { // L2 into L3 across D1 at y = -20
                    double tc = 40 / v;
                    p = Paths.of(Paths.knots(tc - 1, 1.75, tc + 1, 5.25), t -> -60 + v * t);
                    rule = "LINE_CROSSING";
                    truth = tc;
                    window = 1.5;
                }
                case 1 -> { // right turn from L1
                    p = IllegalTurnRuleTest.path(-1.75, 4.6, -1.0, 4.5, 5.6, 4, 7.5, 6.6, 11, 8.5, 7.6, 16, 9);
                    rule = "ILLEGAL_TURN";
                    truth = 3.6;
                    window = 0.5;
                }
                case 2 -> { // down L2 from beyond the junction
                    p = Paths.of(t -> 1.75, t -> 22 - v * t);
                    rule = "WRONG_WAY";
                    truth = 8 / v;
                    window = 2.0;
                }
                case 3 -> {
                    p = Paths.straight(-1.75, -60, v * 3.6);
                    rule = "RESTRICTED_CLASS";
                    cls = "TRUCK";
                    truth = 60 / v;
                    window = 0.5;
                }
                case 4 -> {
                    p = NoStoppingRuleTest.parks(4.75, 80, -20, 85, -60);
                    rule = "NO_STOPPING";
                    truth = 8 - 0.833 / 2.5;
                    window = 2.5;
                }
                default -> { // L2 into CW1 with a pedestrian walking right in front
                    double tIn = 63 / v;
                    p = Paths.straight(1.75, -60, v * 3.6);
                    double x0 = 1.75 - 1.3 * tIn - 0.5;
                    peds = List.of(new PedestrianTrack(500 + i, Paths.of(t -> x0 + 1.3 * t, t -> 5).jitter(0.1, i).observe(0, 12)));
                    rule = "YIELD";
                    truth = tIn;
                    window = 0.5;
                }
            }
            double end = kind == 4 ? 85 : 12;
            List<TrajectorySample> traj = p.jitter(0.05 + 0.15 * r.nextDouble(), r.nextLong()).outliers(0.03).observe(0, end);
            TrackView t = new TrackView(i, cls, 1.0, Map.of(cls, traj.size()), traj);
            SceneContext scene = new SceneContext(List.of(), peds, List.of());
            boolean found = false;
            for (ViolationRule<?> candidate : rules) {
                RuleOutcome o = run(candidate, t, scene);
                if (o instanceof RuleOutcome.Violation v2 && v2.rule().equals(rule)
                        && Math.abs(Paths.secondsOf(v2.eventTime()) - truth) <= window) {
                    found = true;
                }
            }
            if (!found) {
                missed.add("track " + i + " " + rule);
            }
        }
        assertTrue(missed.isEmpty(), missed.toString());
    }
}
