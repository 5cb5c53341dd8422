package tw.enforce.sim.scene;

import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.geometry.ImagePoint;

/**
 * Where an actor appears in the image: the bounding rectangle of its 3-D box (a cuboid behind the
 * front-bumper point along its heading, or a pedestrian's column) projected through the camera.
 * The renderer places sprites in this box and the ground-truth detector reports it, so both agree.
 */
public final class ActorProjection {
    private ActorProjection() {
    }

    /** The projected box, or null when any corner is behind the camera. Not clipped to the image. */
    public static BoundingBox imageBox(CameraModel camera, ActorState a) {
        double h = Math.toRadians(a.headingDeg());
        double fx = Math.sin(h), fy = Math.cos(h);   // travel direction
        double rx = Math.cos(h), ry = -Math.sin(h);  // right of travel
        double backX, backY;
        double half = a.widthM() / 2;
        if (a.kind() == ActorKind.PEDESTRIAN) {
            backX = a.x() - fx * a.lengthM() / 2;
            backY = a.y() - fy * a.lengthM() / 2;
        } else {
            backX = a.x() - fx * a.lengthM();
            backY = a.y() - fy * a.lengthM();
        }
        double frontX = a.kind() == ActorKind.PEDESTRIAN ? a.x() + fx * a.lengthM() / 2 : a.x();
        double frontY = a.kind() == ActorKind.PEDESTRIAN ? a.y() + fy * a.lengthM() / 2 : a.y();
        double minU = Double.MAX_VALUE, minV = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        double[][] ends = {{frontX, frontY}, {backX, backY}};
        for (double[] e : ends) {
            for (int side = -1; side <= 1; side += 2) {
                for (int up = 0; up <= 1; up++) {
                    ImagePoint p = camera.project(e[0] + side * half * rx, e[1] + side * half * ry, up * a.heightM());
                    if (p == null) {
                        return null;
                    }
                    minU = Math.min(minU, p.u());
                    maxU = Math.max(maxU, p.u());
                    minV = Math.min(minV, p.v());
                    maxV = Math.max(maxV, p.v());
                }
            }
        }
        return new BoundingBox(minU, minV, maxU, maxV);
    }

    /** True when the whole box lies inside the image (the "fully visible" of detection-rate figures). */
    public static boolean fullyVisible(BoundingBox box, int width, int height) {
        return box != null && box.x1() >= 0 && box.y1() >= 0 && box.x2() <= width && box.y2() <= height;
    }
}
