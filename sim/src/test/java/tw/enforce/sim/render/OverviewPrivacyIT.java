package tw.enforce.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameImages;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.config.PrivacyConfig;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.evidence.privacy.MaskRegion;
import tw.enforce.runtime.evidence.privacy.OverviewMasker;
import tw.enforce.runtime.plate.LocalisingPlateReader;
import tw.enforce.runtime.plate.PlateRead;
import tw.enforce.runtime.plate.PlateReaderConfig;
import tw.enforce.runtime.plate.YunetLocaliser;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.ScenarioLoader;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.scene.SceneSnapshot;
import tw.enforce.sim.sprite.SpriteLibrary;

/**
 * The privacy masker on a rendered overview of the demo intersection (sprites cut from real photos,
 * Taiwanese plates): an offender, a car beside it and a pedestrian on the crosswalk, read by the real
 * plate reader before and after masking.
 */
class OverviewPrivacyIT {

    @Test
    void onARenderedOverviewTheNeighboursPlateAndThePedestriansHeadAreMaskedAndTheOffenderStillReads() throws Exception {
        Path shared = Path.of(System.getProperty("enforce.shared.dir", "../../shared"));
        Path lpd = shared.resolve("models/lpd_yunet_2023mar.onnx");
        assumeTrue(Files.isReadable(lpd) && Files.isDirectory(shared.resolve("data/plates")), "needs ../shared models and photos");
        Scenario scenario = new ScenarioLoader().load(Path.of("scenarios/red-light-basic.yaml"));
        SpriteLibrary sprites = SpriteLibrary.open(shared, Path.of("target/sprite-cache"));
        IntersectionRenderer renderer = new IntersectionRenderer(scenario.cameraModel(), scenario.roadLayout(), sprites, 3);
        ActorState offender = new ActorState("v1", ActorKind.CAR, 1.75, -6, 0, 1.8, 4.5, 1.5, "RBD-2026", 1);
        ActorState neighbour = new ActorState("v2", ActorKind.CAR, -1.75, -7, 0, 1.8, 4.5, 1.5, "ABC-1234", 2);
        ActorState walker = new ActorState("p1", ActorKind.PEDESTRIAN, -5.5, 3, 90, 0.5, 0.4, 1.7, null, 3);
        List<ActorState> actors = List.of(offender, neighbour, walker);
        Instant at = Instant.parse("2026-11-26T02:00:10Z");
        Frame frame = FrameImages.toFrame(renderer.render(new SceneSnapshot(at, actors, SignalPhase.RED,
                SceneSnapshot.Weather.CLEAR)), "sim", 1, at);
        byte[] jpeg = Jpeg.encode(frame, 95);
        Frame captured = Jpeg.decode(jpeg, "sim", 1, at);
        List<Detection> detections = new ArrayList<>();
        for (ActorState a : actors) {
            BoundingBox b = ActorProjection.imageBox(scenario.cameraModel(), a).clip(frame.width(), frame.height());
            detections.add(new Detection(b, a.kind() == ActorKind.PEDESTRIAN ? ObjectClass.PERSON : ObjectClass.CAR, 0.9));
        }

        try (LocalisingPlateReader reader = PlateReaderConfig.defaults(lpd).open();
             YunetLocaliser localiser = new YunetLocaliser(lpd, 0.3, 1)) {
            String offenderBefore = read(reader, captured, detections.get(0).box());
            String neighbourBefore = read(reader, captured, detections.get(1).box());
            assertEquals("RBD2026", offenderBefore.replace("-", ""));
            assertEquals("ABC1234", neighbourBefore.replace("-", ""));

            OverviewMasker.Masked m = new OverviewMasker(PrivacyConfig.DEFAULTS, null, localiser)
                    .mask(jpeg, detections.get(0).box(), detections);
            Frame after = Jpeg.decode(m.jpeg(), "sim", 1, at);

            assertEquals(offenderBefore, read(reader, after, detections.get(0).box()));
            assertNotEquals(neighbourBefore, read(reader, after, detections.get(1).box()));
            assertTrue(m.regions().stream().anyMatch(r -> r.kind() == MaskRegion.Kind.FACE), m.regions().toString());
            BoundingBox p = detections.get(2).box();
            BoundingBox head = new BoundingBox(p.x1(), p.y1(), p.x2(), p.y1() + p.height() * 0.15);
            assertTrue(changed(captured, after, head) > 0.3, "pedestrian's head region mosaicked");
        }
    }

    private static String read(LocalisingPlateReader reader, Frame f, BoundingBox vehicle) throws Exception {
        return reader.read(f, vehicle).map(PlateRead::text).orElse("");
    }

    /** Share of pixels in the box whose colour moved by more than 12 levels in some channel. */
    private static double changed(Frame a, Frame b, BoundingBox box) {
        int n = 0;
        int moved = 0;
        for (int y = (int) box.y1(); y < (int) box.y2(); y++) {
            for (int x = (int) box.x1(); x < (int) box.x2(); x++, n++) {
                int i = (y * a.width() + x) * 3;
                for (int k = 0; k < 3; k++) {
                    if (Math.abs((a.bgr()[i + k] & 0xff) - (b.bgr()[i + k] & 0xff)) > 12) {
                        moved++;
                        break;
                    }
                }
            }
        }
        return n == 0 ? 0 : (double) moved / n;
    }
}
