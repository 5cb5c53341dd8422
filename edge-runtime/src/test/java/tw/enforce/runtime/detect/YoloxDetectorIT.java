package tw.enforce.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.camera.Frame;

class YoloxDetectorIT {
    private static final String NANO_SHA256 = "d39bee73564e338080378b0ad567fbb40e818b55bbfaf971de82a0267ed16b8a";
    private static YoloxDetector detector;

    @BeforeAll
    static void loadModel() throws DetectorException {
        detector = new YoloxDetector(YoloxConfig.nano(SharedData.require("models/yolox_nano.onnx")));
    }

    @AfterAll
    static void close() {
        if (detector != null) {
            detector.close();
        }
    }

    @Test
    void findsTheCarInARealPhotoAroundItsLabelledPlate() throws Exception {
        Path dir = SharedData.require("data/plates/eu");
        Frame photo = TestFrames.image(dir.resolve("eu1.jpg"));
        String[] label = Files.readString(dir.resolve("eu1.txt")).trim().split("\t");
        double plateX = Double.parseDouble(label[1]) + Double.parseDouble(label[3]) / 2;
        double plateY = Double.parseDouble(label[2]) + Double.parseDouble(label[4]) / 2;

        List<Detection> found = detector.detect(photo);

        assertTrue(found.stream().anyMatch(d -> d.objectClass().isVehicle() && d.score() > 0.5
                && d.box().x1() < plateX && plateX < d.box().x2() && d.box().y1() < plateY && plateY < d.box().y2()),
                "no vehicle > 0.5 around the plate at " + plateX + "," + plateY + " in " + found);
        assertTrue(found.stream().allMatch(d -> d.box().x2() <= photo.width() && d.box().y2() <= photo.height()));
    }

    /**
     * The sample video looks straight down on a car park: a view YOLOX-Nano (trained on COCO's
     * side views) handles poorly. It still has to find the vehicles on some frames and must not
     * invent people on an empty road.
     */
    @Test
    void findsVehiclesOnFramesOfTheTopDownRoadVideoAndNoPeople() throws Exception {
        List<Frame> frames = TestFrames.video(SharedData.require("data/video/car-detection-mjpeg.avi"), 5, 100);

        int framesWithVehicles = 0;
        for (Frame f : frames) {
            List<Detection> found = detector.detect(f);
            assertTrue(found.stream().noneMatch(d -> d.objectClass() == ObjectClass.PERSON && d.score() > 0.5),
                    "a person on frame " + f.sequence() + ": " + found);
            if (found.stream().anyMatch(d -> d.objectClass().isVehicle() && d.score() > 0.3)) {
                framesWithVehicles++;
            }
        }

        assertTrue(frames.size() > 70, "video frames read: " + frames.size());
        assertTrue(framesWithVehicles >= 3, "vehicles found on only " + framesWithVehicles + " of " + frames.size() + " frames");
    }

    @Test
    void sameFrameAtCameraResolutionGivesTheSameCarsInScaledCoordinates() throws Exception {
        Frame small = TestFrames.image(SharedData.require("data/plates/eu/eu2.jpg"));
        Frame large = TestFrames.resized(small, small.width() * 2, small.height() * 2);

        List<Detection> a = detector.detect(small);
        List<Detection> b = detector.detect(large);

        assertTrue(!a.isEmpty());
        for (Detection d : a) {
            if (d.score() > 0.6) {
                assertTrue(b.stream().anyMatch(e -> e.objectClass() == d.objectClass()
                        && e.box().iou(new BoundingBox(d.box().x1() * 2, d.box().y1() * 2, d.box().x2() * 2, d.box().y2() * 2)) > 0.8),
                        d + " has no counterpart at double size in " + b);
            }
        }
    }

    @Test
    void describesItselfByFileNameAndHash() {
        assertEquals(NANO_SHA256, detector.modelSha256());
        assertEquals("yolox_nano.onnx sha256:" + NANO_SHA256.substring(0, 12), detector.description());
    }

    @Test
    void missingModelFailsNamingThePath(@TempDir Path tmp) {
        Path missing = tmp.resolve("no-such-model.onnx");
        DetectorException e = assertThrows(DetectorException.class, () -> new YoloxDetector(YoloxConfig.nano(missing)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void fileThatIsNotAnOnnxModelFailsNamingThePath(@TempDir Path tmp) throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.onnx"), "not a model");
        DetectorException e = assertThrows(DetectorException.class, () -> new YoloxDetector(YoloxConfig.nano(junk)));
        assertTrue(e.getMessage().contains(junk.toString()), e.getMessage());
    }

    @Test
    void modelWithAnotherInputShapeIsRejectedWithExpectedAndFound() {
        Path yunet = SharedData.require("models/lpd_yunet_2023mar.onnx");
        DetectorException e = assertThrows(DetectorException.class, () -> new YoloxDetector(YoloxConfig.nano(yunet)));
        assertTrue(e.getMessage().contains("expected (1, 3, 416, 416)") && e.getMessage().contains("found (1, 3, 240, 320)"),
                e.getMessage());
    }

    @Test
    void modelWithAnotherOutputShapeIsRejectedWithExpectedAndFound() {
        Path yolov8 = SharedData.require("models/yolov8n_int8.onnx");
        DetectorException e = assertThrows(DetectorException.class,
                () -> new YoloxDetector(new YoloxConfig(yolov8, 640, 0.25, 0.45, 1)));
        assertTrue(e.getMessage().contains("expected (1, 8400, 85)") && e.getMessage().contains("found (1, 84, 8400)"),
                e.getMessage());
    }
}
