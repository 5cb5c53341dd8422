package tw.enforce.sim.render;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameImages;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.detect.YoloxConfig;
import tw.enforce.runtime.detect.YoloxDetector;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.scene.RoadLayout;
import tw.enforce.sim.scene.SceneSnapshot;
import tw.enforce.sim.sprite.SpriteLibrary;

/**
 * How well the real YOLOX-Nano sees rendered frames: a drive-through (one vehicle per lane per
 * frame, lanes staggered, from well before the stop line to past the exit line, sprites cycling)
 * plus pedestrians on the crosswalk and pavements. A vehicle counts when its ground-truth box is
 * wholly in the image and at most 30% hidden by nearer actors; it is found when a vehicle-class
 * detection scoring ≥ 0.4 overlaps it with IoU ≥ 0.5.
 *
 * <pre>java -cp "sim/target/classes:sim/target/lib/*" tw.enforce.sim.render.DetectionRateBench
 *     [--shared ../shared] [--cache target/sprite-cache] [--pose scenario|brief|rear] [--weather CLEAR|RAIN|NIGHT]
 *     [--kinds car|all] [--step METRES] [--dump DIR]</pre>
 */
public final class DetectionRateBench {
    private static final double MIN_SCORE = 0.4, MIN_IOU = 0.5, MAX_HIDDEN = 0.3;

    private DetectionRateBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path shared = Path.of(opt.getOrDefault("shared", System.getProperty("enforce.shared.dir", "../shared")));
        Path cache = Path.of(opt.getOrDefault("cache", "target/sprite-cache"));
        String pose = opt.getOrDefault("pose", "scenario");
        SceneSnapshot.Weather weather = SceneSnapshot.Weather.valueOf(opt.getOrDefault("weather", "CLEAR"));
        boolean allKinds = opt.getOrDefault("kinds", "car").equals("all");
        double step = Double.parseDouble(opt.getOrDefault("step", "1"));
        RoadLayout road = new RoadLayout(List.of(-7.0, -3.5, 0.0, 3.5, 7.0), 0, 22, 1, 5);
        CameraModel cam = switch (pose) {
            case "brief" -> new CameraModel(0, 35, 6, 180, 12, 1500, 1280, 720);
            case "scenario" -> new CameraModel(0, 48, 6, 180, 8.5, 4200, 1280, 720);
            case "rear" -> new CameraModel(0, -32, 6.5, 0, 7.5, 2900, 1280, 720);
            default -> throw new IllegalArgumentException("--pose must be scenario, brief or rear, was " + pose);
        };
        SpriteLibrary sprites = SpriteLibrary.open(shared, cache);
        if (sprites.degraded()) {
            System.out.println("WARNING: degraded sprites (" + sprites.degradedReason() + "): figures mean little");
        }
        IntersectionRenderer renderer = new IntersectionRenderer(cam, road, sprites, 7);
        Path dump = opt.containsKey("dump") ? Path.of(opt.get("dump")) : null;
        Tally vehicles = new Tally(), people = new Tally();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long renderWall = 0, renderCpu = 0;
        int frames = 0;
        try (YoloxDetector detector = new YoloxDetector(YoloxConfig.nano(shared.resolve("models/yolox_nano.onnx")))) {
            double[] lanes = {-5.25, -1.75, 1.75, 5.25};
            int appearance = 0;
            for (double y0 = road.stopLineY() - 40; y0 <= road.exitLineY() + 12; y0 += step, frames++) {
                List<ActorState> actors = new ArrayList<>();
                for (int l = 0; l < lanes.length; l++) {
                    double y = y0 + (l % 2 == 0 ? 0 : 9) - (l >= 2 ? 4.5 : 0);
                    ActorKind kind = allKinds ? ActorKind.values()[Math.floorMod(appearance, 4)] : ActorKind.CAR;
                    double[] size = size(kind);
                    actors.add(new ActorState("v" + appearance, kind, lanes[l], y, 0, size[0], size[1], size[2],
                            String.format(Locale.ROOT, "ABC-%04d", appearance % 10000), appearance));
                    appearance++;
                }
                double px = -9 + (frames * 1.3) % 18;
                actors.add(new ActorState("p" + frames, ActorKind.PEDESTRIAN, px, 3, 90, 0.5, 0.4, 1.7, null, frames));
                actors.add(new ActorState("q" + frames, ActorKind.PEDESTRIAN, 8.6, -3 - (frames % 6), 0, 0.5, 0.4, 1.7, null, frames + 7));
                SceneSnapshot snap = new SceneSnapshot(Instant.ofEpochSecond(1_790_000_000L + frames), actors, SignalPhase.RED, weather);
                long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
                BufferedImage img = renderer.render(snap);
                renderWall += System.nanoTime() - w0;
                renderCpu += mx.getCurrentThreadCpuTime() - c0;
                if (dump != null && frames % 4 == 0) {
                    java.nio.file.Files.createDirectories(dump);
                    ImageIO.write(img, "png", dump.resolve(String.format("frame-%03d.png", frames)).toFile());
                }
                Frame frame = FrameImages.toFrame(img, "bench", frames, snap.at());
                List<Detection> found = detector.detect(frame);
                score(cam, actors, found, vehicles, people, sprites);
            }
        }
        System.out.printf(Locale.ROOT, "pose %s %s, weather %s, %d frames, sprites: %d vehicles, %d pedestrians%n", pose, cam,
                weather, frames, sprites.vehicles().size(), sprites.pedestrians().size());
        vehicles.print("vehicles (fully visible, ≤30% hidden)");
        people.print("pedestrians");
        System.out.printf(Locale.ROOT, "render: %.1f ms/frame wall, %.1f ms/frame CPU%n", renderWall / 1e6 / frames, renderCpu / 1e6 / frames);
    }

    private static double[] size(ActorKind kind) {
        return switch (kind) {
            case MOTORCYCLE -> new double[] {0.8, 2.0, 1.5};
            case BUS -> new double[] {2.5, 12.0, 3.2};
            case TRUCK -> new double[] {2.5, 9.0, 3.5};
            default -> new double[] {1.8, 4.5, 1.5};
        };
    }

    private static void score(CameraModel cam, List<ActorState> actors, List<Detection> found, Tally vehicles, Tally people,
                              SpriteLibrary sprites) {
        for (ActorState a : actors) {
            BoundingBox box = ActorProjection.imageBox(cam, a);
            if (!ActorProjection.fullyVisible(box, cam.imageWidth(), cam.imageHeight()) || hidden(cam, a, box, actors) > MAX_HIDDEN) {
                continue;
            }
            boolean person = a.kind() == ActorKind.PEDESTRIAN;
            double best = 0;
            for (Detection d : found) {
                boolean classOk = person ? d.objectClass() == ObjectClass.PERSON : d.objectClass().isVehicle();
                if (classOk && d.box().iou(box) >= MIN_IOU) {
                    best = Math.max(best, d.score());
                }
            }
            String sprite = person ? sprites.pedestrian(a.appearance()).id()
                    : a.kind() == ActorKind.MOTORCYCLE ? sprites.motorcycle(a.appearance()).id() : sprites.vehicle(a.appearance()).id();
            (person ? people : vehicles).add(cam.depth(a.x(), a.y(), 0), a.kind(), box.width(), best >= MIN_SCORE, best, sprite);
        }
    }

    /** Fraction of {@code box} covered by boxes of actors nearer the camera (sampled on a grid). */
    private static double hidden(CameraModel cam, ActorState a, BoundingBox box, List<ActorState> actors) {
        double depth = cam.depth(a.x(), a.y(), 0);
        List<BoundingBox> nearer = new ArrayList<>();
        for (ActorState o : actors) {
            BoundingBox ob = ActorProjection.imageBox(cam, o);
            if (o != a && ob != null && cam.depth(o.x(), o.y(), 0) < depth) {
                nearer.add(ob);
            }
        }
        int hiddenCount = 0, n = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++, n++) {
                double u = box.x1() + (i + 0.5) * box.width() / 10, v = box.y1() + (j + 0.5) * box.height() / 10;
                for (BoundingBox ob : nearer) {
                    if (u >= ob.x1() && u <= ob.x2() && v >= ob.y1() && v <= ob.y2()) {
                        hiddenCount++;
                        break;
                    }
                }
            }
        }
        return hiddenCount / (double) n;
    }

    private static final class Tally {
        private final Map<Integer, int[]> bands = new TreeMap<>();
        private final Map<ActorKind, int[]> kinds = new TreeMap<>();
        private double widthSum;
        private double scoreSum;

        private final Map<String, int[]> misses = new TreeMap<>();

        void add(double depth, ActorKind kind, double widthPx, boolean hit, double score, String sprite) {
            int[] m = misses.computeIfAbsent(sprite, x -> new int[2]);
            m[0]++;
            m[1] += hit ? 0 : 1;
            int band = (int) Math.floor(depth / 10) * 10;
            int[] b = bands.computeIfAbsent(band, k -> new int[3]);
            b[0]++;
            b[1] += hit ? 1 : 0;
            b[2] += (int) widthPx;
            int[] k = kinds.computeIfAbsent(kind, x -> new int[2]);
            k[0]++;
            k[1] += hit ? 1 : 0;
            widthSum += widthPx;
            scoreSum += score;
        }

        void print(String what) {
            int n = bands.values().stream().mapToInt(b -> b[0]).sum(), hit = bands.values().stream().mapToInt(b -> b[1]).sum();
            System.out.printf(Locale.ROOT, "%s: %d/%d detected = %.1f%% (mean best score %.2f)%n", what, hit, n,
                    n == 0 ? 0 : 100.0 * hit / n, n == 0 ? 0 : scoreSum / n);
            bands.forEach((band, b) -> System.out.printf(Locale.ROOT, "  %3d-%3d m from camera: %3d/%3d = %5.1f%%  (box ~%d px wide)%n",
                    band, band + 10, b[1], b[0], 100.0 * b[1] / b[0], b[2] / b[0]));
            StringBuilder missed = new StringBuilder();
            misses.forEach((sprite, m) -> {
                if (m[1] > 0) {
                    missed.append(' ').append(sprite).append(' ').append(m[1]).append('/').append(m[0]);
                }
            });
            if (missed.length() > 0) {
                System.out.println("  missed per sprite:" + missed);
            }
            if (kinds.size() > 1) {
                kinds.forEach((kind, k) -> System.out.printf(Locale.ROOT, "  %-10s %3d/%3d = %5.1f%%%n", kind, k[1], k[0], 100.0 * k[1] / k[0]));
            }
        }
    }
}
