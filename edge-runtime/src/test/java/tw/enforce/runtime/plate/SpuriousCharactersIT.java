package tw.enforce.runtime.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.detect.BoundingBox;

/** PaddleOCR by text groups on real plates of the openalpr EU benchmark whose emblem, band or group overlap it used to read as characters. */
class SpuriousCharactersIT {
    private static Path plates;
    private static LocalisingPlateReader paddle;

    @BeforeAll
    static void load() throws PlateReaderException {
        String dir = System.getProperty("enforce.shared.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "models")), "shared models absent");
        plates = Path.of(dir, "data/plates/eu");
        PlateReaderConfig config = new PlateReaderConfig(Path.of(dir, "models/lpd_yunet_2023mar.onnx"),
                PlateReaderConfig.Recogniser.PADDLE, null, 0.1, 3, false, 1);
        paddle = config.open();
    }

    @AfterAll
    static void close() {
        if (paddle != null) {
            paddle.close();
        }
    }

    @Test
    void anEmblemBetweenTheGroupsIsNotReadAsACharacter() throws Exception {
        assertEquals("BY649AG", read("test_052"), "the SK coat of arms was read as a weak E");
    }

    @Test
    void aCharacterTwoOverlappingGroupsBothReadIsKeptOnce() throws Exception {
        assertEquals("1B70440", read("test_067"), "the 0 where the groups 1B70 and 0440 overlap was read twice");
    }

    @Test
    void aWeakCharacterStandingApartAtTheEndIsDropped() throws Exception {
        assertEquals("M5XSX", read("eu1"), "the country band left of the plate was read as a weak O");
    }

    private static String read(String name) throws Exception {
        String[] f = Files.readString(plates.resolve(name + ".txt")).trim().split("\t");
        double x = Double.parseDouble(f[1]);
        double y = Double.parseDouble(f[2]);
        BoundingBox box = new BoundingBox(x, y, x + Double.parseDouble(f[3]), y + Double.parseDouble(f[4]));
        Frame image = Jpeg.decode(Files.readAllBytes(plates.resolve(f[0])), f[0], 0, Instant.EPOCH);
        return paddle.readAt(image, PlateCandidate.ofBox(box, 1)).orElseThrow().text();
    }
}
