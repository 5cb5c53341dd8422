package tw.enforce.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderFrameSourceTest {

    @TempDir
    Path folder;

    @Test
    void replaysImagesInNameOrderSkippingAndCountingUndecodableFiles() throws Exception {
        Frame first = TestFrames.gradient(32, 24);
        Frame third = TestFrames.halves(32, 24, new int[] {255, 0, 0}, new int[] {0, 0, 255});
        ImageIO.write(FrameImages.toImage(first), "png", folder.resolve("frame-001.png").toFile());
        Files.write(folder.resolve("frame-002.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4});
        ImageIO.write(FrameImages.toImage(third), "png", folder.resolve("frame-003.PNG").toFile());
        Files.writeString(folder.resolve("notes.txt"), "not an image, not counted");
        SteppingClock clock = new SteppingClock(TestFrames.T0, Duration.ofMillis(40));

        List<Frame> frames = new ArrayList<>();
        try (ImageFolderFrameSource source = ImageFolderFrameSource.open("cam-f", folder, clock)) {
            for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
                frames.add(f.get());
            }
            assertEquals(3, source.size());
            assertEquals(1, source.corruptFrames());
        }

        assertEquals(2, frames.size());
        assertArrayEquals(first.bgr(), frames.get(0).bgr());
        assertArrayEquals(third.bgr(), frames.get(1).bgr());
        assertEquals(0, frames.get(0).sequence());
        assertEquals(2, frames.get(1).sequence(), "the skipped file leaves a gap in the sequence");
        assertEquals(TestFrames.T0, frames.get(0).capturedAt());
        assertEquals("cam-f", frames.get(1).cameraId());
    }

    @Test
    void missingFolderIsNamedInTheError() {
        Path missing = folder.resolve("no-such-folder");

        FrameSourceException e = assertThrows(FrameSourceException.class,
                () -> ImageFolderFrameSource.open("cam-f", missing, new SteppingClock(TestFrames.T0, Duration.ZERO)));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("cam-f"), e.getMessage());
    }
}
