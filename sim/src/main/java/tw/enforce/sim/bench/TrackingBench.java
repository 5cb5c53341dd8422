package tw.enforce.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameImages;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.config.PerceptionConfig;
import tw.enforce.runtime.detect.YoloxConfig;
import tw.enforce.runtime.detect.YoloxDetector;
import tw.enforce.runtime.geometry.Homography;
import tw.enforce.runtime.track.IouTracker;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.Tracker;
import tw.enforce.runtime.track.TrackerConfig;
import tw.enforce.sim.render.IntersectionRenderer;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.ScenarioLoader;
import tw.enforce.sim.scenario.SiteConfigWriter;
import tw.enforce.sim.scene.SceneSnapshot;
import tw.enforce.sim.sprite.SpriteLibrary;
import tw.enforce.sim.truth.DetectionNoise;
import tw.enforce.sim.truth.GroundTruthDetector;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.World;

/**
 * How well the unit's tracker (the runtime's {@link IouTracker} with its default config and the
 * site's homography) keeps identities on the simulator's scenarios, against the scenario's ground
 * truth: id switches per 100 truth tracks, fragmentations, MOTA-style recall and MOTA, for vehicles
 * and pedestrians, with three detectors in the same run — exact truth boxes (the tracker's own
 * ceiling), truth boxes with the simulator's typical noise (misses, jitter, false positives), and
 * YOLOX-Nano on rendered frames.
 *
 * <pre>java -cp "sim/target/classes:sim/target/lib/*" tw.enforce.sim.bench.TrackingBench [SCENARIO.yaml|DIR]…
 *     [--detectors truth-exact,truth-noisy,yolox] [--shared ../shared] [--cache sim/target/sprite-cache]
 *     [--min-height 16] [--max-hidden 0.3] [--iou 0.5] [--score 0.1] [--verbose true]</pre>
 * {@code --score}: the YOLOX score threshold (default the unit's, 0.1); detections below the
 * tracker's new-track score only extend tracks (ByteTrack's second stage).
 */
public final class TrackingBench {
    static final int LONG_GAP_FRAMES = 5;
    private static double yoloxScore = PerceptionConfig.Detector.DEFAULT_SCORE;
    private TrackingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                opt.put(args[i].substring(2), args[++i]);
            } else {
                inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            inputs.add(Path.of("sim/scenarios"));
        }
        Path shared = Path.of(opt.getOrDefault("shared", System.getProperty("enforce.shared.dir", "../shared")));
        Path cache = Path.of(opt.getOrDefault("cache", "sim/target/sprite-cache"));
        List<String> detectors = List.of(opt.getOrDefault("detectors", "truth-exact,truth-noisy,yolox").split(","));
        double minHeight = Double.parseDouble(opt.getOrDefault("min-height", "16"));
        double maxHidden = Double.parseDouble(opt.getOrDefault("max-hidden", "0.3"));
        double iou = Double.parseDouble(opt.getOrDefault("iou", "0.5"));
        boolean verbose = Boolean.parseBoolean(opt.getOrDefault("verbose", "false"));
        yoloxScore = Double.parseDouble(opt.getOrDefault("score",
                Double.toString(PerceptionConfig.Detector.DEFAULT_SCORE)));
        List<Path> files = scenarioFiles(inputs);

        System.out.printf(Locale.ROOT, "tracking bench: %d scenarios; match IoU >= %.2f; truth counted when >= %.0f px high and"
                + " >= 50%% inside the image; occluded = > %.0f%% covered by nearer actors%n", files.size(), iou, minHeight,
                maxHidden * 100);
        System.out.printf(Locale.ROOT, "%-24s %-12s %-5s %6s %6s %5s %8s %6s %8s %7s %7s %7s %6s %8s %9s%n", "scenario", "detector",
                "class", "frames", "tracks", "IDSW", "IDSW/100", "frag", "frag/100", "frag>=" + LONG_GAP_FRAMES, "recall", "precis.", "MOTA",
                "unoccl.", "unoccl.SW");
        SpriteLibrary sprites = null;
        for (String d : detectors) {
            Result total = new Result(iou);
            long wall = System.nanoTime();
            for (Path file : files) {
                Scenario scenario = new ScenarioLoader().load(file);
                if (d.equals("yolox") && sprites == null) {
                    sprites = SpriteLibrary.open(shared, cache);
                    if (sprites.degraded()) {
                        System.out.println("WARNING: degraded sprites (" + sprites.degradedReason() + "): YOLOX figures mean little");
                    }
                }
                Result r = run(scenario, d, shared, sprites, new TruthBoxes(scenario.cameraModel(), minHeight, maxHidden), iou);
                r.print(scenario.name(), d);
                if (verbose) {
                    r.printSwitches(scenario.fps());
                }
                total.add(r);
            }
            total.print("ALL", d);
            System.out.printf(Locale.ROOT, "  (%s: %d frames in %.1f s wall)%n", d, total.frames, (System.nanoTime() - wall) / 1e9);
        }
    }

    static Result run(Scenario scenario, String detectorName, Path shared, SpriteLibrary sprites, TruthBoxes truthBoxes,
                      double iou) throws Exception {
        World world = new World(scenario, SimClock.DEFAULT_EPOCH);
        int w = scenario.cameraModel().imageWidth();
        int h = scenario.cameraModel().imageHeight();
        Homography imageToWorld = Homography.imageToWorld(new SiteConfigWriter().surveyPoints(scenario));
        Tracker tracker = new IouTracker(TrackerConfig.defaults(), imageToWorld);
        IntersectionRenderer renderer = detectorName.equals("yolox")
                ? new IntersectionRenderer(scenario.cameraModel(), scenario.roadLayout(), sprites, scenario.seed()) : null;
        byte[] blank = new byte[w * h * 3];
        Result r = new Result(iou);
        try (Detector detector = detector(detectorName, scenario, world, shared)) {
            for (long k = 0; k < scenario.frameCount(); k++) {
                SceneSnapshot snap = world.snapshot(world.frameSeconds(k));
                Frame frame = renderer != null ? FrameImages.toFrame(renderer.render(snap), "bench", k, snap.at())
                        : new Frame("bench", k, snap.at(), w, h, blank);
                List<Detection> found = detector.detect(frame);
                List<MotAccumulator.Hypothesis> vehicles = new ArrayList<>();
                List<MotAccumulator.Hypothesis> people = new ArrayList<>();
                for (Track t : tracker.update(k, snap.at(), found)) {
                    if (t.last().frameSequence() == k) {
                        (t.objectClass().isVehicle() ? vehicles : people).add(new MotAccumulator.Hypothesis(t.id(), t.last().box()));
                    }
                }
                List<MotAccumulator.Truth> vehicleTruth = new ArrayList<>();
                List<MotAccumulator.Truth> peopleTruth = new ArrayList<>();
                for (TruthBoxes.Box b : truthBoxes.of(snap)) {
                    (b.vehicle() ? vehicleTruth : peopleTruth).add(new MotAccumulator.Truth(b.actorId(), b.box(), b.counted()));
                    if (b.counted() && b.occluded()) {
                        r.occluded.add(b.actorId());
                    }
                }
                r.vehicles.frame(vehicleTruth, vehicles);
                r.people.frame(peopleTruth, people);
                r.frames++;
            }
        }
        return r.close();
    }

    private static Detector detector(String name, Scenario scenario, World world, Path shared) throws Exception {
        return switch (name) {
            case "truth-exact" -> new GroundTruthDetector(scenario.cameraModel(), world::snapshotAt, DetectionNoise.none());
            case "truth-noisy" -> new GroundTruthDetector(scenario.cameraModel(), world::snapshotAt,
                    DetectionNoise.typical(scenario.seed()));
            case "yolox" -> {
                Path model = shared.resolve("models/yolox_nano.onnx");
                if (!Files.isReadable(model)) {
                    throw new IllegalArgumentException("--detectors yolox: no model at " + model + " (set --shared)");
                }
                YoloxConfig nano = YoloxConfig.nano(model);
                yield new YoloxDetector(new YoloxConfig(model, nano.inputSize(), yoloxScore, nano.nmsIou(), nano.intraOpThreads()));
            }
            default -> throw new IllegalArgumentException("unknown detector '" + name + "': truth-exact, truth-noisy or yolox");
        };
    }

    private static List<Path> scenarioFiles(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new IllegalArgumentException("no scenario file or folder at " + p);
            }
        }
        return out;
    }

    /** Figures of one run (or a sum of runs): vehicles and pedestrians apart. */
    static final class Result {
        final MotAccumulator vehicles;
        final MotAccumulator people;
        final Set<String> occluded = new HashSet<>();
        long frames;
        MotAccumulator.Figures vehicleFigures = MotAccumulator.Figures.ZERO;
        MotAccumulator.Figures peopleFigures = MotAccumulator.Figures.ZERO;
        long unoccludedVehicles;
        long unoccludedSwitches;

        Result(double minIou) {
            vehicles = new MotAccumulator(minIou, LONG_GAP_FRAMES);
            people = new MotAccumulator(minIou, LONG_GAP_FRAMES);
        }

        Result close() {
            vehicleFigures = vehicles.figures();
            peopleFigures = people.figures();
            for (String id : vehicles.objects()) {
                if (!occluded.contains(id)) {
                    unoccludedVehicles++;
                    unoccludedSwitches += vehicles.switchesOf(id);
                }
            }
            return this;
        }

        void add(Result o) {
            frames += o.frames;
            vehicleFigures = vehicleFigures.plus(o.vehicleFigures);
            peopleFigures = peopleFigures.plus(o.peopleFigures);
            unoccludedVehicles += o.unoccludedVehicles;
            unoccludedSwitches += o.unoccludedSwitches;
        }

        void printSwitches(int fps) {
            for (MotAccumulator.Switch s : vehicles.switches()) {
                System.out.printf(Locale.ROOT, "    id switch: vehicle %s at t=%.2f s, track %d -> %d%s%n", s.objectId(),
                        s.frame() / (double) fps, s.from(), s.to(), occluded.contains(s.objectId()) ? " (occluded at times)" : "");
            }
            for (MotAccumulator.Switch s : people.switches()) {
                System.out.printf(Locale.ROOT, "    id switch: pedestrian %s at t=%.2f s, track %d -> %d%n", s.objectId(),
                        s.frame() / (double) fps, s.from(), s.to());
            }
        }

        void print(String scenario, String detector) {
            line(scenario, detector, "veh", vehicleFigures, String.valueOf(unoccludedVehicles), String.valueOf(unoccludedSwitches));
            line(scenario, detector, "ped", peopleFigures, "", "");
        }

        private void line(String scenario, String detector, String cls, MotAccumulator.Figures f, String unoccluded,
                          String unoccludedSw) {
            System.out.printf(Locale.ROOT, "%-24s %-12s %-5s %6d %6d %5d %8.1f %6d %8.1f %7d %7.3f %7.3f %6.3f %8s %9s%n",
                    scenario, detector, cls, frames, f.objects(), f.idSwitches(), f.idSwitchesPer100Tracks(),
                    f.fragmentations(), f.fragmentationsPer100Tracks(), f.longFragmentations(), f.recall(), f.precision(), f.mota(),
                    unoccluded, unoccludedSw);
        }
    }
}
