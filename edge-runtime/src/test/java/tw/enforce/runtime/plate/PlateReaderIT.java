package tw.enforce.runtime.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.detect.BoundingBox;

/** The real models on real photos of the openalpr EU benchmark. */
class PlateReaderIT {
    private static Path shared;
    private static LocalisingPlateReader cct;

    @BeforeAll
    static void load() throws PlateReaderException {
        String dir = System.getProperty("enforce.shared.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "models")), "shared models absent");
        shared = Path.of(dir);
        Path models = shared.resolve("models");
        cct = new PlateReaderConfig(models.resolve("lpd_yunet_2023mar.onnx"), PlateReaderConfig.Recogniser.CCT,
                models.resolve("cct_xs_v1_global.onnx"), 0.1, 3, false, 1).open();
    }

    @AfterAll
    static void close() {
        if (cct != null) {
            cct.close();
        }
    }

    @Test
    void findsAndReadsThePlateInAWholeCarPhoto() throws Exception {
        Frame photo = image("test_077.jpg");

        Optional<PlateRead> read = cct.read(photo, new BoundingBox(0, 0, photo.width(), photo.height()));

        assertEquals("RK735AS", read.orElseThrow().text());
        BoundingBox label = labelBox("test_077");
        assertTrue(read.get().plateBox().iou(label) > 0.3, "plate found at " + read.get().plateBox() + ", label " + label);
        assertTrue(read.get().crop().width() > read.get().crop().height(), "straightened crop is wider than high");
    }

    @Test
    void paddleFromTheClassPathReadsALabelledPlate() throws Exception {
        try (PlateRecogniser paddle = PaddleRecogniser.fromClasspath(1);
             LocalisingPlateReader reader = new LocalisingPlateReader(
                     new YunetLocaliser(shared.resolve("models/lpd_yunet_2023mar.onnx"), 0.1, 1), paddle,
                     PlateFormat.ANY, 3)) {
            PlateRead read = reader.readAt(image("test_077.jpg"), PlateCandidate.ofBox(labelBox("test_077"), 1))
                    .orElseThrow();
            assertEquals("RK735AS", read.text());
            assertTrue(read.confidence() > 0.5, "confidence " + read.confidence());
        }
    }

    @Test
    void aPlateNoTaiwaneseLayoutExplainsStaysAsReadFlaggedAndCapped() throws Exception {
        try (LocalisingPlateReader taiwan = new PlateReaderConfig(shared.resolve("models/lpd_yunet_2023mar.onnx"),
                PlateReaderConfig.Recogniser.CCT, shared.resolve("models/cct_xs_v1_global.onnx"), 0.1, 3, true, 1)
                .open()) {
            PlateRead read = taiwan.readAt(image("test_067.jpg"), PlateCandidate.ofBox(labelBox("test_067"), 1))
                    .orElseThrow();

            assertEquals("1B70440", read.text(), "a Czech plate is not bent into a Taiwanese one");
            assertEquals(read.rawText(), read.text());
            assertTrue(!read.formatValid(), "flagged");
            assertTrue(read.confidence() <= PlateRead.INVALID_CAP, "confidence " + read.confidence());
        }
    }

    @Test
    void theFixedSlotRecogniserVotesOverThreeCropsSoOneCropsMisreadSlotIsOutvoted() throws Exception {
        // the 0.15-margin crop alone reads RK0O3AB: a letter O in the digit group
        PlateRead read = cct.readAt(image("test_080.jpg"), PlateCandidate.ofBox(labelBox("test_080"), 1)).orElseThrow();
        assertEquals("RK003AB", read.text());
    }

    @Test
    void anEmptyRoadGivesNoPlate() throws Exception {
        Frame grey = new Frame("cam", 1, Instant.EPOCH, 320, 240, new byte[320 * 240 * 3]);
        Optional<PlateRead> r = cct.read(grey, new BoundingBox(0, 0, 320, 240));
        assertTrue(r.isEmpty(), "read " + r.map(p -> p.text() + " " + p.confidence() + " " + p.plateBox()));
    }

    @Test
    void aModelOfTheWrongShapeIsRefusedNamingFileAndShapes() {
        Path yolox = shared.resolve("models/yolox_nano.onnx");
        PlateReaderException e = assertThrows(PlateReaderException.class, () -> new YunetLocaliser(yolox, 0.5, 1));
        assertTrue(e.getMessage().contains("yolox_nano.onnx") && e.getMessage().contains("[1, 3, 240, 320]")
                && e.getMessage().contains("[1, 3, 416, 416]"), e.getMessage());
        PlateReaderException missing = assertThrows(PlateReaderException.class,
                () -> new CctRecogniser(shared.resolve("models/nope.onnx"), 1));
        assertTrue(missing.getMessage().contains("nope.onnx"), missing.getMessage());
    }

    private static Frame image(String name) throws Exception {
        return Jpeg.decode(Files.readAllBytes(shared.resolve("data/plates/eu").resolve(name)), name, 0, Instant.EPOCH);
    }

    private static BoundingBox labelBox(String name) throws Exception {
        String[] f = Files.readString(shared.resolve("data/plates/eu").resolve(name + ".txt")).trim().split("\t");
        double x = Double.parseDouble(f[1]);
        double y = Double.parseDouble(f[2]);
        return new BoundingBox(x, y, x + Double.parseDouble(f[3]), y + Double.parseDouble(f[4]));
    }
}
