package tw.enforce.sim.bench;

import java.util.ArrayList;
import java.util.List;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.scene.SceneSnapshot;

/**
 * The truth a tracker is measured against in one frame: every actor's projected box clipped to the
 * image. An actor counts only when it is big enough for a detector to see (clipped height ≥
 * {@code minHeightPx}) and at least half of it lies inside the image; otherwise it is "don't care".
 * It is occluded when nearer actors' boxes cover more than {@code maxHidden} of it.
 */
final class TruthBoxes {
    private final CameraModel camera;
    private final double minHeightPx;
    private final double maxHidden;

    TruthBoxes(CameraModel camera, double minHeightPx, double maxHidden) {
        this.camera = camera;
        this.minHeightPx = minHeightPx;
        this.maxHidden = maxHidden;
    }

    record Box(String actorId, ActorKind kind, BoundingBox box, boolean counted, boolean occluded) {
        boolean vehicle() {
            return kind != ActorKind.PEDESTRIAN;
        }
    }

    List<Box> of(SceneSnapshot snap) {
        int w = camera.imageWidth();
        int h = camera.imageHeight();
        List<ActorState> actors = snap.actors();
        List<BoundingBox> full = new ArrayList<>();
        List<Double> depth = new ArrayList<>();
        for (ActorState a : actors) {
            full.add(ActorProjection.imageBox(camera, a));
            depth.add(camera.depth(a.x(), a.y(), 0));
        }
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < actors.size(); i++) {
            BoundingBox b = full.get(i);
            if (b == null) {
                continue;
            }
            BoundingBox c = b.clip(w, h);
            if (c.area() <= 0) {
                continue;
            }
            boolean counted = c.height() >= minHeightPx && c.area() >= 0.5 * b.area();
            out.add(new Box(actors.get(i).actorId(), actors.get(i).kind(), c, counted,
                    hidden(c, depth.get(i), full, depth, i) > maxHidden));
        }
        return out;
    }

    /** Fraction of the box covered by boxes of nearer actors, sampled on a 10×10 grid. */
    private static double hidden(BoundingBox box, double d, List<BoundingBox> full, List<Double> depth, int self) {
        int covered = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                double u = box.x1() + (i + 0.5) * box.width() / 10;
                double v = box.y1() + (j + 0.5) * box.height() / 10;
                for (int k = 0; k < full.size(); k++) {
                    BoundingBox o = full.get(k);
                    if (k != self && o != null && depth.get(k) < d && u >= o.x1() && u <= o.x2() && v >= o.y1() && v <= o.y2()) {
                        covered++;
                        break;
                    }
                }
            }
        }
        return covered / 100.0;
    }
}
