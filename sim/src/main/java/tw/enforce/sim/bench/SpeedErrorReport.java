package tw.enforce.sim.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tw.enforce.sim.demo.RunOptions;
import tw.enforce.sim.demo.ScoreRun;
import tw.enforce.sim.scenario.Actors;
import tw.enforce.sim.scenario.Behaviour;
import tw.enforce.sim.scenario.LaneSpec;
import tw.enforce.sim.scenario.RoadSpec;
import tw.enforce.sim.scenario.RulesSpec;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.SignalSpec;
import tw.enforce.sim.scenario.VehicleKind;
import tw.enforce.sim.scenario.VehicleSpec;
import tw.enforce.sim.score.RuleScore;
import tw.enforce.sim.score.Stats;
import tw.enforce.sim.truth.RuleId;
import tw.enforce.sync.protocol.CanonicalJson;

/**
 * How far the unit's video speed is from the truth, by true speed and by distance from the camera,
 * at each frame rate: runs of single cars at {@link #SPEEDS_KMH} in both lanes of the default
 * approach, with a 10 m speed zone placed near, at mid range and far from the default camera, a
 * 5 km/h limit (the lowest a site may set) so every pass is a SPEED case, through the unit with noisy ground-truth detections.
 * Errors are the unit's measured mean speed minus the true mean over the zone.
 */
public final class SpeedErrorReport {
    static final double[] SPEEDS_KMH = {30, 50, 70, 90, 110, 130};
    /** Zone middles: 38, 48 and 58 m from the default camera (at y = 48). */
    static final double[] ZONE_MIDDLES_Y = {10.0, 0.0, -10.0};
    static final double ZONE_LENGTH_M = 10.0;
    static final double CAMERA_Y = 48.0;

    private SpeedErrorReport() {
    }

    /** One bin: frame rate, true speed, distance from the camera, the signed errors and the passes not measured. */
    public record Cell(int fps, double trueKmh, double distanceM, List<Double> errorsKmh, int missed) {
    }

    public static List<Cell> run(List<Integer> fpsList, Path out) throws Exception {
        return run(fpsList, out, ZONE_LENGTH_M, 1);
    }

    /**
     * Every frame rate × zone position, {@code runs} times with a different noise seed each (two
     * cars per speed per run), over a speed zone {@code zoneLengthM} long.
     */
    public static List<Cell> run(List<Integer> fpsList, Path out, double zoneLengthM, int runs) throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (int fps : fpsList) {
            for (double middle : ZONE_MIDDLES_Y) {
                Map<Double, List<Double>> errorsBySpeed = new TreeMap<>();
                Map<Double, Integer> missedBySpeed = new TreeMap<>();
                for (int run = 0; run < runs; run++) {
                    Scenario s = scenario(fps, middle, zoneLengthM, run);
                    ScoreRun.Outcome o = ScoreRun.score(s, Path.of(s.name() + ".yaml"), out.resolve(s.name()),
                            RunOptions.DetectorChoice.TRUTH, null, null);
                    RuleScore speed = o.rule(RuleId.SPEED);
                    if (!o.decided().contains(RuleId.SPEED)) {
                        throw new IllegalStateException("the unit does not decide SPEED: no speed error to report");
                    }
                    for (double kmh : SPEEDS_KMH) {
                        List<Double> errors = errorsBySpeed.computeIfAbsent(kmh, k -> new ArrayList<>());
                        for (RuleScore.Match m : speed.matches()) {
                            if (Math.abs(m.truth().speedKmh() - kmh) < 1e-6) {
                                errors.add(m.speedErrorKmh());
                            }
                        }
                        missedBySpeed.merge(kmh, (int) speed.missed().stream()
                                .filter(x -> Math.abs(x.speedKmh() - kmh) < 1e-6).count(), Integer::sum);
                    }
                }
                for (double kmh : SPEEDS_KMH) {
                    cells.add(new Cell(fps, kmh, CAMERA_Y - middle, errorsBySpeed.get(kmh), missedBySpeed.get(kmh)));
                }
            }
        }
        return cells;
    }

    /** Two lanes, limit 5 km/h, light always green; cars leave in order fast to slow so none catches up. */
    static Scenario scenario(int fps, double zoneMiddle) {
        return scenario(fps, zoneMiddle, ZONE_LENGTH_M, 0);
    }

    static Scenario scenario(int fps, double zoneMiddle, double zoneLengthM, int run) {
        RoadSpec road = new RoadSpec(List.of(-3.5, 0.0, 3.5), 0.0, 20.0, null, -100.0, null,
                List.of(limited("L1"), limited("L2")), null, null, null, null);
        List<VehicleSpec> vs = new ArrayList<>();
        int n = 0;
        for (String lane : List.of("L1", "L2")) {
            double at = lane.equals("L1") ? 0.0 : 0.8;
            for (int i = SPEEDS_KMH.length - 1; i >= 0; i--) {
                n++;
                vs.add(new VehicleSpec("v" + n, VehicleKind.CAR, String.format(Locale.ROOT, "SPD-%04d", n), lane, at,
                        SPEEDS_KMH[i], Behaviour.RUN, null));
                at += 1.6;
            }
        }
        String name = String.format(Locale.ROOT, "speed-report-%dfps-%.0fm-%.0fm-zone-run%d", fps, CAMERA_Y - zoneMiddle,
                zoneLengthM, run);
        return new Scenario(name, 24.0, fps, 5000L + fps + 1000L * run, null, null, road,
                new SignalSpec(100, 3, 2, 20, SignalSpec.Interval.GREEN, 0.0, null),
                new RulesSpec(null, new RulesSpec.Speed(zoneMiddle - zoneLengthM / 2, zoneMiddle + zoneLengthM / 2, 0.0, null),
                        null, null, null, null, null, null),
                new Actors(vs, List.of()));
    }

    private static LaneSpec limited(String id) {
        return new LaneSpec(id, null, null, null, 5.0, null, null);
    }

    public static void print(List<Cell> cells, PrintStream out) {
        Map<Integer, List<Cell>> byFps = new TreeMap<>();
        cells.forEach(c -> byFps.computeIfAbsent(c.fps(), k -> new ArrayList<>()).add(c));
        for (var e : byFps.entrySet()) {
            out.printf(Locale.ROOT, "%d fps: speed error (unit - truth), km/h: mean / p95 |err| / max |err| (missed)%n", e.getKey());
            out.printf("%10s", "true km/h");
            for (double m : ZONE_MIDDLES_Y) {
                out.printf(Locale.ROOT, " | %26s", String.format(Locale.ROOT, "zone at %.0f m", CAMERA_Y - m));
            }
            out.printf(" | %26s%n", "all distances");
            for (double kmh : SPEEDS_KMH) {
                out.printf(Locale.ROOT, "%10.0f", kmh);
                List<Double> all = new ArrayList<>();
                int allMissed = 0;
                for (double m : ZONE_MIDDLES_Y) {
                    Cell c = e.getValue().stream().filter(x -> x.trueKmh() == kmh && x.distanceM() == CAMERA_Y - m).findFirst().orElseThrow();
                    out.printf(" | %26s", cell(c.errorsKmh(), c.missed()));
                    all.addAll(c.errorsKmh());
                    allMissed += c.missed();
                }
                out.printf(" | %26s%n", cell(all, allMissed));
            }
            out.printf("%10s", "all");
            for (double m : ZONE_MIDDLES_Y) {
                List<Double> col = new ArrayList<>();
                int missed = 0;
                for (Cell c : e.getValue()) {
                    if (c.distanceM() == CAMERA_Y - m) {
                        col.addAll(c.errorsKmh());
                        missed += c.missed();
                    }
                }
                out.printf(" | %26s", cell(col, missed));
            }
            out.println();
            List<Double> below = new ArrayList<>();
            List<Double> abovePct = new ArrayList<>();
            for (Cell c : e.getValue()) {
                for (double err : c.errorsKmh()) {
                    if (c.trueKmh() < 100) {
                        below.add(Math.abs(err));
                    } else {
                        abovePct.add(Math.abs(err) / c.trueKmh() * 100);
                    }
                }
            }
            out.printf(Locale.ROOT, "  p95 |error| below 100 km/h: %.2f km/h (target <= 2); at or above 100 km/h: %.2f %% (target <= 2 %%)%n%n",
                    Stats.p95(below), Stats.p95(abovePct));
        }
    }

    public static String json(List<Cell> cells) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Cell c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fps", c.fps());
            m.put("trueKmh", c.trueKmh());
            m.put("distanceM", c.distanceM());
            m.put("measured", c.errorsKmh().size());
            m.put("missed", c.missed());
            m.put("meanErrorKmh", num(Stats.mean(c.errorsKmh())));
            m.put("maxAbsErrorKmh", num(Stats.max(c.errorsKmh().stream().map(Math::abs).toList())));
            rows.add(m);
        }
        return new String(CanonicalJson.write(Map.of("speedError", rows)), StandardCharsets.UTF_8);
    }

    private static String cell(List<Double> errors, int missed) {
        if (errors.isEmpty()) {
            return "-" + (missed > 0 ? " (" + missed + ")" : "");
        }
        List<Double> abs = errors.stream().map(Math::abs).toList();
        return String.format(Locale.ROOT, "%+.2f / %.2f / %.2f%s", Stats.mean(errors), Stats.p95(abs), Stats.max(abs),
                missed > 0 ? " (" + missed + ")" : "");
    }

    private static Object num(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
