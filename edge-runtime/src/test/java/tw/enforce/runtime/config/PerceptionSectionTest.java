package tw.enforce.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.detect.DetectorConfig;
import tw.enforce.runtime.detect.LabelMap;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.plate.PlateReaderConfig;

/** The optional {@code perception:} section of site.yaml. */
class PerceptionSectionTest {
    @TempDir
    Path dir;

    @Test
    void siteWithoutTheSectionRunsTheMotionDetectorGatedDefaultsAndReadsNoPlates() throws Exception {
        PerceptionConfig p = load(HardwareSectionTest.BASE).perception();
        assertNull(p.detector().model());
        assertEquals(DetectorConfig.Family.YOLOX, p.detector().family());
        assertEquals(416, p.detector().inputSize());
        assertEquals(0.1, p.detector().scoreThreshold(), "low-score boxes reach the tracker's second stage");
        assertEquals(LabelMap.coco(), p.detector().labelMap());
        assertTrue(p.motionGate().enabled());
        assertEquals(15, p.motionGate().refreshEveryFrames());
        assertNull(p.plates().localiser());
        assertEquals(PlateReaderConfig.Recogniser.PADDLE, p.plates().recogniser());
        assertEquals(PerceptionConfig.Plates.Format.TAIWAN, p.plates().format());
    }

    @Test
    void aCityModelWithItsOwnLabelsAndTheCctRecogniserLoad() throws Exception {
        PerceptionConfig p = load(HardwareSectionTest.BASE + """
                perception:
                  detector:
                    family: ULTRALYTICS
                    model: models/city-v2.onnx
                    scoreThreshold: 0.35
                    classCount: 3
                    labels: {0: MOTORCYCLE, 1: CAR, 2: PERSON}
                  motionGate: {enabled: false}
                  plates: {localiser: models/lpd.onnx, recogniser: CCT, cctModel: models/cct.onnx, format: ANY}
                """).perception();
        assertEquals(640, p.detector().inputSize(), "Ultralytics exports default to 640");
        assertEquals(0.35, p.detector().scoreThreshold());
        assertEquals(ObjectClass.MOTORCYCLE, p.detector().labelMap().of(0));
        assertEquals(3, p.detector().labelMap().classCount());
        assertEquals(false, p.motionGate().enabled());
        assertEquals("models/cct.onnx", p.plates().cctModel());
        assertEquals(PerceptionConfig.Plates.Format.ANY, p.plates().format());
    }

    @Test
    void badPerceptionSettingsAreRefusedWithFileLineAndKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(HardwareSectionTest.BASE + """
                perception:
                  detector: {model: m.onnx, classCount: 3, labels: {0: CAR, 3: PERSON}}
                """));
        assertTrue(e.getMessage().contains("site.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("label id 3 is outside the model's 3 classes"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> load(HardwareSectionTest.BASE + """
                perception:
                  plates: {localiser: lpd.onnx, recogniser: CCT}
                """));
        assertTrue(e.getMessage().contains("recogniser CCT needs cctModel"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> load(HardwareSectionTest.BASE + """
                perception:
                  detector: {model: m.onnx, threshold: 0.3}
                """));
        assertTrue(e.getMessage().contains("site.yaml:30"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'threshold'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> load(HardwareSectionTest.BASE + """
                perception:
                  detector: {model: m.onnx, labels: {0: CAR}}
                """));
        assertTrue(e.getMessage().contains("classCount and labels go together"), e.getMessage());
    }

    private SiteConfig load(String text) throws Exception {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, text);
        return SiteConfigLoader.load(f).config();
    }
}
