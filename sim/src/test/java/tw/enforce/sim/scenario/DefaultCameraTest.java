package tw.enforce.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;

class DefaultCameraTest {
    private final CameraModel cam = CameraSpec.defaults().toModel();

    private boolean inView(double x, double y) {
        ImagePoint p = cam.project(x, y, 0);
        return p != null && p.u() >= 0 && p.u() <= cam.imageWidth() && p.v() >= 0 && p.v() <= cam.imageHeight();
    }

    @Test
    void stopLineAndExitLineOfTheDefaultRoadAreInView() {
        for (double x : new double[] {-3.5, 0, 3.5}) {
            assertTrue(inView(x, 0), "stop line at x=" + x);
            assertTrue(inView(x, 20), "exit line at x=" + x);
        }
    }

    @Test
    void carAtTheStopLineIsWideAndWhollyInView() {
        BoundingBox box = ActorProjection.imageBox(cam, new ActorState("c", ActorKind.CAR, -1.75, 0, 0, 1.8, 4.5, 1.5, "ABC-1234", 0));
        assertNotNull(box);
        assertTrue(box.width() >= 150, "width " + box.width());
        assertTrue(ActorProjection.fullyVisible(box, cam.imageWidth(), cam.imageHeight()), box.toString());
    }

    @Test
    void carWaitingBehindAnotherIsStillInView() {
        BoundingBox box = ActorProjection.imageBox(cam, new ActorState("c", ActorKind.CAR, -1.75, -7, 0, 1.8, 4.5, 1.5, "ABC-1234", 0));
        assertTrue(ActorProjection.fullyVisible(box, cam.imageWidth(), cam.imageHeight()), box.toString());
    }
}
