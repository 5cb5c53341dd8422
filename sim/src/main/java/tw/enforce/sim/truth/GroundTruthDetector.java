package tw.enforce.sim.truth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.DetectorException;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.scene.SceneSnapshot;

/**
 * A {@link Detector} that reports what is really in the scene at the frame's capture time: each
 * actor's projected box ({@link ActorProjection#imageBox}, the renderer's box too), clipped to the
 * image, with the configured noise. Pixels are ignored, so rules can be scored over many scenarios
 * without rendering or a model. Actors wholly outside the image or behind the camera are not reported.
 */
public final class GroundTruthDetector implements Detector {
    static final double SCORE = 0.9;

    private final CameraModel camera;
    private final Function<Instant, SceneSnapshot> scene;
    private final DetectionNoise noise;

    public GroundTruthDetector(CameraModel camera, Function<Instant, SceneSnapshot> scene, DetectionNoise noise) {
        this.camera = camera;
        this.scene = scene;
        this.noise = noise;
    }

    @Override
    public List<Detection> detect(Frame frame) throws DetectorException {
        if (frame.width() != camera.imageWidth() || frame.height() != camera.imageHeight()) {
            throw new DetectorException("frame " + frame + " is " + frame.width() + "x" + frame.height()
                    + " but the simulated camera is " + camera.imageWidth() + "x" + camera.imageHeight());
        }
        SceneSnapshot snap = scene.apply(frame.capturedAt());
        long t = frame.capturedAt().getEpochSecond() * 1_000_000_000L + frame.capturedAt().getNano();
        SplittableRandom rnd = new SplittableRandom(noise.seed() * 0x9E3779B97F4A7C15L ^ t);
        int w = frame.width();
        int h = frame.height();
        List<Detection> out = new ArrayList<>();
        for (ActorState a : snap.actors()) {
            BoundingBox box = ActorProjection.imageBox(camera, a);
            boolean missed = noise.missProbability() > 0 && rnd.nextDouble() < noise.missProbability();
            if (box == null || missed) {
                continue;
            }
            double j = noise.jitterPx();
            double x1 = box.x1() + gaussian(rnd) * j;
            double y1 = box.y1() + gaussian(rnd) * j;
            double x2 = box.x2() + gaussian(rnd) * j;
            double y2 = box.y2() + gaussian(rnd) * j;
            if (x2 <= 0 || y2 <= 0 || x1 >= w || y1 >= h || x2 <= x1 || y2 <= y1) {
                continue;
            }
            BoundingBox clipped = new BoundingBox(x1, y1, x2, y2).clip(w, h);
            if (clipped.area() <= 0) {
                continue;
            }
            double score = j > 0 ? Math.max(0.5, Math.min(0.99, SCORE + gaussian(rnd) * 0.03)) : SCORE;
            out.add(new Detection(clipped, classOf(a.kind()), score));
        }
        if (noise.falsePositiveRate() > 0 && rnd.nextDouble() < noise.falsePositiveRate()) {
            double bw = 40 + rnd.nextDouble() * 160;
            double bh = bw * (0.6 + rnd.nextDouble() * 0.6);
            double x = rnd.nextDouble() * (w - bw);
            double y = rnd.nextDouble() * (h - bh);
            ObjectClass[] classes = {ObjectClass.CAR, ObjectClass.MOTORCYCLE, ObjectClass.PERSON};
            out.add(new Detection(new BoundingBox(x, y, x + bw, y + bh).clip(w, h),
                    classes[rnd.nextInt(classes.length)], 0.5 + rnd.nextDouble() * 0.3));
        }
        return out;
    }

    @Override
    public String description() {
        return "ground-truth detector (miss " + noise.missProbability() + ", jitter " + noise.jitterPx()
                + " px, false positives " + noise.falsePositiveRate() + "/frame, seed " + noise.seed() + ")";
    }

    static ObjectClass classOf(ActorKind kind) {
        return switch (kind) {
            case CAR -> ObjectClass.CAR;
            case MOTORCYCLE -> ObjectClass.MOTORCYCLE;
            case BUS -> ObjectClass.BUS;
            case TRUCK -> ObjectClass.TRUCK;
            case PEDESTRIAN -> ObjectClass.PERSON;
        };
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
