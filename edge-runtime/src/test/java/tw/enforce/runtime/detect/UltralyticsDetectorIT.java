package tw.enforce.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;

/** yolov8n_int8.onnx is AGPL: used here as a test fixture for the output family only, never shipped. */
class UltralyticsDetectorIT {

    @Test
    void yolov8FindsTheCarAroundTheLabelledPlate() throws Exception {
        Path model = SharedData.require("models/yolov8n_int8.onnx");
        Path dir = SharedData.require("data/plates/eu");
        Frame photo = TestFrames.image(dir.resolve("eu1.jpg"));
        String[] label = Files.readString(dir.resolve("eu1.txt")).trim().split("\t");
        double px = Double.parseDouble(label[1]) + Double.parseDouble(label[3]) / 2;
        double py = Double.parseDouble(label[2]) + Double.parseDouble(label[4]) / 2;

        try (Detector d = new DetectorConfig(DetectorConfig.Family.ULTRALYTICS, model, 640, 0.25, 0.45, 1).open()) {
            List<Detection> found = d.detect(photo);
            // the int8 YOLOv8n scores this close-up car ~0.3 (YOLOX-Nano > 0.5); the geometry is what is checked
            assertTrue(found.stream().anyMatch(x -> x.objectClass().isVehicle() && x.box().width() > 400
                    && x.box().x1() < px && px < x.box().x2() && x.box().y1() < py && py < x.box().y2()), found.toString());
        }
    }

    @Test
    void aYoloxModelIsRefusedAsUltralyticsNamingFileAndShapes() {
        Path yolox = SharedData.require("models/yolox_nano.onnx");
        DetectorException e = assertThrows(DetectorException.class,
                () -> new DetectorConfig(DetectorConfig.Family.ULTRALYTICS, yolox, 640, 0.25, 0.45, 1).open());
        assertTrue(e.getMessage().contains("yolox_nano.onnx") && e.getMessage().contains("[1, 3, 640, 640]")
                && e.getMessage().contains("416"), e.getMessage());
    }
}
