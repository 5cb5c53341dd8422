package tw.enforce.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code edgectl plates eval} and {@code edgectl detect} on real photos and models. */
class PerceptionCommandsIT {
    private static Path shared;

    @BeforeAll
    static void shared() {
        String dir = System.getProperty("enforce.shared.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "models")), "shared models absent");
        shared = Path.of(dir);
    }

    @Test
    void platesEvalPrintsPerImageCsvAccuracyAndTimeAndCountsAnUndecodableImage(@TempDir Path dir) throws Exception {
        Path eu = shared.resolve("data/plates/eu");
        for (String n : List.of("test_077", "test_078")) {
            Files.copy(eu.resolve(n + ".jpg"), dir.resolve(n + ".jpg"));
            Files.copy(eu.resolve(n + ".txt"), dir.resolve(n + ".txt"));
        }
        Files.writeString(dir.resolve("broken.jpg"), "not a jpeg");
        Files.writeString(dir.resolve("broken.txt"), "broken.jpg\t1\t1\t10\t5\tAB-123\n");

        String out = run("plates", "eval", "--dir", dir.toString(), "--use-label-box", "--recogniser", "cct",
                "--format", "any", "--models", shared.resolve("models").toString(), "--csv", dir.resolve("r.csv").toString());

        assertTrue(out.contains("test_077.jpg,RK735AS,RK735AS,"), out);
        assertTrue(out.contains("broken.jpg,AB123,,,0,false,false,false,0"), out);
        assertTrue(out.matches("(?s).*label-box.*2/3 exact \\(66\\.7%\\).*ms per plate, 1 undecodable.*"), out);
        assertEquals(4, Files.readAllLines(dir.resolve("r.csv")).size());
    }

    @Test
    void detectPrintsVehiclesOfAPhotoAndWritesTheAnnotatedImage(@TempDir Path dir) throws Exception {
        String out = run("detect", shared.resolve("data/plates/eu/eu1.jpg").toString(), "--model",
                shared.resolve("models/yolox_nano.onnx").toString(), "--annotate", dir.toString());

        assertTrue(out.lines().anyMatch(l -> l.startsWith("eu1.jpg car ")), out);
        assertTrue(Files.size(dir.resolve("eu1.jpg")) > 1000);
    }

    @Test
    void detectWithASiteRunsTheFamilyAndLabelMapTheSiteConfigures(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, tw.enforce.runtime.config.HardwareSectionTest.BASE + """
                perception:
                  detector:
                    family: ULTRALYTICS
                    model: %s
                    classCount: 80
                    labels: {2: TRUCK}
                """.formatted(shared.resolve("models/yolov8n_int8.onnx")));

        String out = run("detect", shared.resolve("data/plates/eu/eu1.jpg").toString(), "--site", site.toString());

        assertTrue(out.lines().anyMatch(l -> l.startsWith("eu1.jpg truck ")), "COCO car (2) mapped to truck by the site: " + out);
        assertTrue(out.lines().noneMatch(l -> l.startsWith("eu1.jpg car ")), out);
    }

    @Test
    void aMissingModelIsOneLineNamingTheFileAndExitOne(@TempDir Path dir) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new Edgectl()).execute("plates", "eval", "--dir", dir.toString(), "--models", dir.toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.contains(dir.resolve("lpd_yunet_2023mar.onnx").toString()), out);
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Edgectl()).execute(args);
            assertEquals(0, code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
