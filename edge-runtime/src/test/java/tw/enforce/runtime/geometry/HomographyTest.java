package tw.enforce.runtime.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomographyTest {
    final CameraModel camera = new CameraModel(0, 35, 6, 180, 12, 1500, 1280, 720);

    @Test
    void surveyedPairsFromAPinholeCameraRecoverItsGroundPlane() {
        List<PointPair> pairs = new ArrayList<>();
        double[][] marks = {{-5.25, 0}, {5.25, 0}, {-5.25, 22}, {5.25, 22}, {0, 10}, {1.75, -10}};
        for (double[] m : marks) {
            ImagePoint p = camera.project(m[0], m[1], 0);
            assertNotNull(p);
            pairs.add(new PointPair(p, new WorldPoint(m[0], m[1])));
        }
        Homography h = Homography.imageToWorld(pairs);
        assertEquals(0, h.rmsErrorMetres(pairs), 1e-6);
        ImagePoint q = camera.project(-1.3, 7.7, 0);
        WorldPoint w = h.toWorld(q);
        assertEquals(-1.3, w.x(), 1e-6);
        assertEquals(7.7, w.y(), 1e-6);
        ImagePoint back = h.inverse().toImage(w);
        assertEquals(q.u(), back.u(), 1e-6);
        assertEquals(q.v(), back.v(), 1e-6);
    }

    @Test
    void groundToImageAgreesWithProjection() {
        Homography g = camera.groundToImage();
        ImagePoint direct = camera.project(2, 5, 0);
        ImagePoint viaH = g.toImage(new WorldPoint(2, 5));
        assertEquals(direct.u(), viaH.u(), 1e-6);
        assertEquals(direct.v(), viaH.v(), 1e-6);
    }

    @Test
    void collinearPointsHaveNoHomography() {
        List<PointPair> line = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            line.add(new PointPair(new ImagePoint(i * 10, i * 10), new WorldPoint(i, i)));
        }
        assertThrows(IllegalArgumentException.class, () -> Homography.imageToWorld(line));
    }
}
