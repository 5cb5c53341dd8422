package tw.enforce.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.config.PerceptionConfig;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.DetectorConfig;
import tw.enforce.runtime.detect.DetectorException;
import tw.enforce.runtime.detect.MotionDetector;
import tw.enforce.runtime.detect.MotionGatedDetector;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.plate.PlateReaderConfig;
import tw.enforce.runtime.plate.PlateReaderException;

/** A site's perception section builds the real models it names, resolved from the site file's folder. */
class PerceptionAssemblyIT {
    private static Path shared;

    @TempDir
    Path siteDir;

    @BeforeAll
    static void shared() {
        String dir = System.getProperty("enforce.shared.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "models")), "shared models absent");
        shared = Path.of(dir).toAbsolutePath();
    }

    @Test
    void aRelativeYoloxPathIsFoundBesideTheSiteFileAndRunsBehindTheMotionGate() throws Exception {
        Path site = siteWithModelsFolder();
        PerceptionConfig p = new PerceptionConfig(detector(DetectorConfig.Family.YOLOX, "models/yolox_nano.onnx"),
                null, null);
        try (Detector d = PerceptionAssembly.openDetector(p, site, null)) {
            MotionGatedDetector gated = assertInstanceOf(MotionGatedDetector.class, d);
            List<Detection> found = d.detect(photo("test_077.jpg"));
            tw.enforce.runtime.geometry.ImagePoint plate = plateCentre("test_077");
            assertTrue(found.stream().anyMatch(x -> x.objectClass() == ObjectClass.CAR && around(x.box(), plate)),
                    "the car around the labelled plate: " + found);
            assertEquals(1, gated.modelFrames(), "first frame: the background is unknown, so the model ran");
        }
    }

    @Test
    void anUltralyticsExportIsBuiltWhenTheSiteNamesThatFamily() throws Exception {
        PerceptionConfig p = new PerceptionConfig(detector(DetectorConfig.Family.ULTRALYTICS,
                shared.resolve("models/yolov8n_int8.onnx").toString()), new PerceptionConfig.MotionGate(false, null), null);
        try (Detector d = PerceptionAssembly.openDetector(p, siteWithModelsFolder(), null)) {
            List<Detection> found = d.detect(photo("test_077.jpg"));
            tw.enforce.runtime.geometry.ImagePoint plate = plateCentre("test_077");
            assertTrue(found.stream().anyMatch(x -> x.objectClass() == ObjectClass.CAR && around(x.box(), plate)),
                    "the car around the labelled plate: " + found);
        }
    }

    @Test
    void aLabelMapThatDoesNotFitTheModelIsRefusedNamingSiteKeyFileAndShapes() throws Exception {
        Path site = siteWithModelsFolder();
        PerceptionConfig p = new PerceptionConfig(new PerceptionConfig.Detector(DetectorConfig.Family.YOLOX,
                "models/yolox_nano.onnx", null, null, null, null, 3, Map.of(0, ObjectClass.CAR)), null, null);
        DetectorException e = assertThrows(DetectorException.class, () -> PerceptionAssembly.openDetector(p, site, null));
        assertTrue(e.getMessage().startsWith(site + ": perception.detector.model: "), e.getMessage());
        assertTrue(e.getMessage().contains("yolox_nano.onnx") && e.getMessage().contains("85")
                && e.getMessage().contains("8)"), "expected 3+5 attributes versus the model's 85: " + e.getMessage());
    }

    @Test
    void aMissingModelNamesTheSiteKeyAndTheResolvedPathButTheOverrideWins() throws Exception {
        Path site = siteWithModelsFolder();
        PerceptionConfig p = new PerceptionConfig(detector(DetectorConfig.Family.YOLOX, "models/nope.onnx"), null, null);
        DetectorException e = assertThrows(DetectorException.class, () -> PerceptionAssembly.openDetector(p, site, null));
        assertTrue(e.getMessage().contains("perception.detector.model")
                && e.getMessage().contains(siteDir.resolve("models/nope.onnx").toString()), e.getMessage());
        try (Detector d = PerceptionAssembly.openDetector(p, site, shared.resolve("models/yolox_nano.onnx"))) {
            assertTrue(d.description().contains("yolox_nano.onnx"), d.description());
        }
    }

    @Test
    void noModelMeansTheModelFreeDetectorAndNoLocaliserMeansNoPlateReader() throws Exception {
        try (Detector d = PerceptionAssembly.openDetector(PerceptionConfig.DEFAULTS, siteWithModelsFolder(), null)) {
            assertInstanceOf(MotionDetector.class, d);
        }
        assertNull(PerceptionAssembly.openPlateReader(PerceptionConfig.DEFAULTS, siteWithModelsFolder(), null));
    }

    @Test
    void theCctRecogniserConfiguredInTheSiteReadsARealPlate() throws Exception {
        PerceptionConfig p = new PerceptionConfig(null, null, new PerceptionConfig.Plates("models/lpd_yunet_2023mar.onnx",
                PlateReaderConfig.Recogniser.CCT, "models/cct_xs_v1_global.onnx", null, null,
                PerceptionConfig.Plates.Format.ANY, null));
        try (PlateReader reader = PerceptionAssembly.openPlateReader(p, siteWithModelsFolder(), null)) {
            Frame photo = photo("test_077.jpg");
            assertEquals("RK735AS", reader.read(photo, new BoundingBox(0, 0, photo.width(), photo.height()))
                    .orElseThrow().text());
        }
        PerceptionConfig missing = new PerceptionConfig(null, null, new PerceptionConfig.Plates("models/lpd_yunet_2023mar.onnx",
                PlateReaderConfig.Recogniser.CCT, "models/cct-missing.onnx", null, null, null, null));
        Path site = siteWithModelsFolder();
        PlateReaderException e = assertThrows(PlateReaderException.class,
                () -> PerceptionAssembly.openPlateReader(missing, site, null));
        assertTrue(e.getMessage().contains("perception.plates") && e.getMessage().contains("cct-missing.onnx"), e.getMessage());
    }

    private static boolean around(BoundingBox b, tw.enforce.runtime.geometry.ImagePoint p) {
        return b.x1() <= p.u() && p.u() <= b.x2() && b.y1() <= p.v() && p.v() <= b.y2();
    }

    private static PerceptionConfig.Detector detector(DetectorConfig.Family family, String model) {
        return new PerceptionConfig.Detector(family, model, null, null, null, null, null, null);
    }

    /** A site folder whose models/ is a link to the shared models, as an installer would lay it out. */
    private Path siteWithModelsFolder() throws Exception {
        Path models = siteDir.resolve("models");
        if (!Files.exists(models)) {
            Files.createSymbolicLink(models, shared.resolve("models"));
        }
        return siteDir.resolve("site.yaml");
    }

    private static Frame photo(String name) throws Exception {
        return Jpeg.decode(Files.readAllBytes(shared.resolve("data/plates/eu").resolve(name)), name, 0, Instant.EPOCH);
    }

    private static tw.enforce.runtime.geometry.ImagePoint plateCentre(String name) throws Exception {
        String[] f = Files.readString(shared.resolve("data/plates/eu").resolve(name + ".txt")).trim().split("\t");
        return new tw.enforce.runtime.geometry.ImagePoint(Double.parseDouble(f[1]) + Double.parseDouble(f[3]) / 2,
                Double.parseDouble(f[2]) + Double.parseDouble(f[4]) / 2);
    }
}
