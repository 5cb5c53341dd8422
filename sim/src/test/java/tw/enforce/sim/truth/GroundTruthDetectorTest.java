package tw.enforce.sim.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.enforce.sim.scenario.Behaviour.RUN;
import static tw.enforce.sim.world.TestScenarios.car;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.DetectorException;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.sim.scenario.PedestrianSpec;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.scene.SceneSnapshot;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.TestScenarios;
import tw.enforce.sim.world.World;

class GroundTruthDetectorTest {
    private final Scenario scenario = TestScenarios.of(
            List.of(car("a", "ABC-1234", "L1", 0.0, 36, RUN), car("b", "ABD-1234", "L2", 6.0, 36, RUN)),
            List.of(new PedestrianSpec("p", 0.0, new PedestrianSpec.Point(-6, 3), new PedestrianSpec.Point(6, 3), 1.3, null)),
            null);
    private final World world = new World(scenario, SimClock.DEFAULT_EPOCH);
    private final CameraModel camera = scenario.cameraModel();
    private final byte[] pixels = new byte[camera.imageWidth() * camera.imageHeight() * 3];

    private Frame frameAt(double t) {
        return new Frame("cam-1", Math.round(t * 15), world.instantAt(t), camera.imageWidth(), camera.imageHeight(), pixels);
    }

    private GroundTruthDetector detector(DetectionNoise noise) {
        return new GroundTruthDetector(camera, world::snapshotAt, noise);
    }

    @Test
    void withoutNoiseItReportsTheProjectedBoxesOfVisibleActors() throws DetectorException {
        // at 8 s: car a at y = 0 (stop line), car b at y = -60 (above the top of the image), pedestrian at x = 4.4
        List<Detection> d = detector(DetectionNoise.none()).detect(frameAt(8.0));
        SceneSnapshot snap = world.snapshot(8.0);
        List<Detection> expected = new ArrayList<>();
        for (ActorState a : snap.actors()) {
            BoundingBox box = ActorProjection.imageBox(camera, a);
            if (box.x2() > 0 && box.y2() > 0 && box.x1() < camera.imageWidth() && box.y1() < camera.imageHeight()) {
                expected.add(new Detection(box.clip(camera.imageWidth(), camera.imageHeight()),
                        a.kind() == tw.enforce.sim.scene.ActorKind.CAR ? ObjectClass.CAR : ObjectClass.PERSON, 0.9));
            }
        }
        assertEquals(3, snap.actors().size());
        assertEquals(2, expected.size(), "car b is still out of view");
        assertEquals(expected, d);
        assertTrue(d.get(0).box().width() >= 150, "a car at the stop line is large: " + d.get(0).box());
    }

    @Test
    void boxesLeavingTheImageAreClipped() throws DetectorException {
        // car a at y = 26: its front is below the bottom edge
        List<Detection> d = detector(DetectionNoise.none()).detect(frameAt(10.6));
        Detection car = d.stream().filter(x -> x.objectClass() == ObjectClass.CAR).findFirst().orElseThrow();
        assertEquals(camera.imageHeight(), car.box().y2(), 1e-9);
        assertTrue(car.box().y1() < camera.imageHeight());
    }

    @Test
    void missProbabilityOneReportsNothing() throws DetectorException {
        assertEquals(List.of(), detector(new DetectionNoise(1.0, 0, 0, 5)).detect(frameAt(8.0)));
    }

    @Test
    void sameSeedGivesTheSameNoisyOutputAndAnotherSeedDiffers() throws DetectorException {
        DetectionNoise noise = new DetectionNoise(0.2, 3.0, 0.3, 42);
        List<List<Detection>> first = new ArrayList<>();
        List<List<Detection>> again = new ArrayList<>();
        List<List<Detection>> other = new ArrayList<>();
        for (int k = 0; k < 150; k++) {
            first.add(detector(noise).detect(frameAt(k / 15.0)));
        }
        GroundTruthDetector reused = detector(noise);
        for (int k = 149; k >= 0; k--) {
            again.add(0, reused.detect(frameAt(k / 15.0)));
        }
        GroundTruthDetector otherSeed = detector(new DetectionNoise(0.2, 3.0, 0.3, 43));
        for (int k = 0; k < 150; k++) {
            other.add(otherSeed.detect(frameAt(k / 15.0)));
        }
        assertEquals(first, again, "output depends only on seed and frame time, not call order");
        assertNotEquals(first, other);
    }

    @Test
    void noiseRatesShowUpInTheOutput() throws DetectorException {
        int truthBoxes = 0;
        int reported = 0;
        int falsePositives = 0;
        GroundTruthDetector clean = detector(DetectionNoise.none());
        GroundTruthDetector noisy = detector(new DetectionNoise(0.25, 2.0, 0.5, 7));
        for (int k = 0; k < 15 * 20; k++) {
            int n = clean.detect(frameAt(k / 15.0)).size();
            List<Detection> d = noisy.detect(frameAt(k / 15.0));
            truthBoxes += n;
            reported += d.size();
            falsePositives += d.stream().filter(x -> x.score() < 0.81).count();
        }
        double expectedReported = truthBoxes * 0.75 + 300 * 0.5;
        assertEquals(expectedReported, reported, expectedReported * 0.15);
        assertEquals(150, falsePositives, 40);
    }

    @Test
    void frameOfAnotherSizeIsRefusedNamingTheFrame() {
        Frame small = new Frame("cam-1", 3, Instant.EPOCH, 64, 48, new byte[64 * 48 * 3]);
        DetectorException e = assertThrows(DetectorException.class, () -> detector(DetectionNoise.none()).detect(small));
        assertTrue(e.getMessage().contains("cam-1#3"), e.getMessage());
    }
}
