package tw.enforce.camera.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameSourceException;
import tw.enforce.camera.SteppingClock;
import tw.enforce.camera.TestFrames;

class OpenCvFrameSourceIT {

    private static final Duration STEP = Duration.ofMillis(80);
    private static Path video;

    @TempDir
    Path temp;

    @BeforeAll
    static void findSharedData() {
        String shared = System.getProperty("enforce.shared.dir", "../shared");
        video = Path.of(shared, "data/video");
        Assumptions.assumeTrue(Files.isReadable(video.resolve("car-detection-mjpeg.avi")),
                "sample video not found under " + video + " (set enforce.shared.dir)");
    }

    @Test
    void mjpegAviYieldsEveryFrameWithSequenceAndClockTime() throws Exception {
        SteppingClock clock = new SteppingClock(TestFrames.T0, STEP);
        List<Frame> frames = new ArrayList<>();

        try (OpenCvFrameSource source = OpenCvFrameSource.open("cam-1",
                video.resolve("car-detection-mjpeg.avi").toString(), clock)) {
            assertEquals(768, source.width());
            assertEquals(432, source.height());
            assertEquals(12.5, source.fps(), 0.01);
            for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
                frames.add(f.get());
            }
            assertEquals(Optional.empty(), source.next(), "stays at end of stream");
            assertEquals(0, source.corruptFrames());
        }

        assertEquals(377, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            assertEquals(i, f.sequence());
            assertEquals(TestFrames.T0.plus(STEP.multipliedBy(i)), f.capturedAt(), "one clock read per frame");
            assertEquals("cam-1", f.cameraId());
            assertEquals(768 * 432 * 3, f.bgr().length);
        }
        assertTrue(TestFrames.meanAbsDiff(frames.get(0), frames.get(376)) > 1.0, "frames carry real, changing pixels");
    }

    @Test
    void corruptFrameInsideAFileIsCountedAndSkipped() throws Exception {
        Path copy = temp.resolve("one-bad-frame.avi");
        byte[] avi = Files.readAllBytes(video.resolve("car-detection-mjpeg.avi"));
        zeroJpegChunk(avi, 50);
        Files.write(copy, avi);
        List<Long> sequences = new ArrayList<>();

        try (OpenCvFrameSource source = OpenCvFrameSource.open("cam-1", copy.toString(),
                new SteppingClock(TestFrames.T0, STEP))) {
            for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
                sequences.add(f.get().sequence());
            }
            assertEquals(1, source.corruptFrames());
        }

        assertEquals(376, sequences.size());
        assertEquals(49L, sequences.get(49));
        assertEquals(51L, sequences.get(50), "the lost frame leaves a gap");
    }

    @Test
    void missingFileIsNamedInTheError() {
        Path missing = temp.resolve("nowhere.avi");

        FrameSourceException e = assertThrows(FrameSourceException.class,
                () -> OpenCvFrameSource.open("cam-9", missing.toString(), new SteppingClock(TestFrames.T0, STEP)));

        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("cam-9"), e.getMessage());
    }

    /**
     * The bundled openpnp build has no FFmpeg/GStreamer and cannot open mp4; with Debian's
     * libopencv-java loaded (-Denforce.opencv=system) it can. Assert whichever this build is.
     */
    @Test
    void mp4EitherReadsOrExplainsTheMissingBackend() throws Exception {
        Path mp4 = video.resolve("car-detection.mp4");
        Assumptions.assumeTrue(Files.isReadable(mp4), "no mp4 sample");
        SteppingClock clock = new SteppingClock(TestFrames.T0, STEP);

        if (VideoIoBackends.ofLoadedLibrary().decodesStreams()) {
            try (OpenCvFrameSource source = OpenCvFrameSource.open("cam-1", mp4.toString(), clock)) {
                assertTrue(source.next().isPresent());
            }
        } else {
            FrameSourceException e = assertThrows(FrameSourceException.class,
                    () -> OpenCvFrameSource.open("cam-1", mp4.toString(), clock));
            assertTrue(e.getMessage().contains(mp4.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("no FFmpeg or GStreamer"), e.getMessage());
            assertTrue(e.getMessage().contains("libopencv-java"), e.getMessage());
        }
    }

    @Test
    void unreachableStreamNamesTheStreamWithoutItsPassword() {
        FrameSourceException e = assertThrows(FrameSourceException.class,
                () -> OpenCvFrameSource.open("cam-2", "rtsp://user:pw@127.0.0.1:9/none",
                        new SteppingClock(TestFrames.T0, STEP)));

        assertTrue(e.getMessage().contains("127.0.0.1:9/none"), e.getMessage());
        assertTrue(!e.getMessage().contains(":pw@"), e.getMessage());
    }

    @Test
    void readingAClosedSourceFails() throws Exception {
        OpenCvFrameSource source = OpenCvFrameSource.open("cam-1", video.resolve("car-detection-mjpeg.avi").toString(),
                new SteppingClock(TestFrames.T0, STEP));
        source.close();
        source.close();

        assertThrows(FrameSourceException.class, source::next);
    }

    /** Zeroes the data of the n-th AVI chunk ("00dc") that holds a JPEG, keeping the file's structure. */
    private static void zeroJpegChunk(byte[] avi, int n) {
        int seen = 0;
        for (int i = 0; i + 10 < avi.length; i++) {
            if (avi[i] == '0' && avi[i + 1] == '0' && avi[i + 2] == 'd' && avi[i + 3] == 'c'
                    && (avi[i + 8] & 0xff) == 0xFF && (avi[i + 9] & 0xff) == 0xD8 && seen++ == n) {
                int size = (avi[i + 4] & 0xff) | (avi[i + 5] & 0xff) << 8 | (avi[i + 6] & 0xff) << 16
                        | (avi[i + 7] & 0xff) << 24;
                java.util.Arrays.fill(avi, i + 8, i + 8 + size, (byte) 0);
                return;
            }
        }
        throw new IllegalStateException("fewer than " + (n + 1) + " JPEG chunks in the sample video");
    }
}
