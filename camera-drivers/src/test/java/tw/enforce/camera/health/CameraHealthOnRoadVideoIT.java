package tw.enforce.camera.health;

import tw.enforce.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.camera.SteppingClock;
import tw.enforce.camera.TestFrames;
import tw.enforce.camera.opencv.OpenCvFrameSource;

/** Camera health on frames of the real road video (768×432, 12.5 fps), as recorded and as a camera fails. */
class CameraHealthOnRoadVideoIT {

    private static final Duration FRAME = Duration.ofMillis(80);
    private static final List<Frame> frames = new ArrayList<>();

    @BeforeAll
    static void readVideo() throws Exception {
        Path video = Path.of(System.getProperty("enforce.shared.dir", "../shared"), "data/video/car-detection-mjpeg.avi");
        Assumptions.assumeTrue(Files.isReadable(video), "sample video not found: " + video);
        try (OpenCvFrameSource source = OpenCvFrameSource.open("cam-road", video.toString(),
                new SteppingClock(TestFrames.T0, FRAME))) {
            for (Optional<Frame> f = source.next(); f.isPresent() && frames.size() < 120; f = source.next()) {
                frames.add(f.get());
            }
        }
    }

    private static CameraHealth run(UnaryOperator<Frame> camera, List<FrameMetrics> seen) {
        ManualClock clock = new ManualClock(TestFrames.T0);
        try (CameraHealthMonitor monitor = new CameraHealthMonitor("cam-road", HealthThresholds.defaults(), clock)) {
            monitor.setReference(frames.get(0));
            CameraHealth health = null;
            for (Frame f : frames.subList(1, 60)) {
                clock.set(f.capturedAt());
                health = monitor.onFrame(camera.apply(f));
                seen.add(monitor.lastMetrics());
            }
            return health;
        }
    }

    @Test
    void recordedTrafficAgainstItsFirstFrameIsHealthy() {
        List<FrameMetrics> seen = new ArrayList<>();
        ManualClock clock = new ManualClock(TestFrames.T0);
        try (CameraHealthMonitor monitor = new CameraHealthMonitor("cam-road", HealthThresholds.defaults(), clock)) {
            monitor.setReference(frames.get(0));
            for (Frame f : frames) {
                clock.set(f.capturedAt());
                CameraHealth health = monitor.onFrame(f);
                seen.add(monitor.lastMetrics());
                assertTrue(health.healthy(), "frame " + f.sequence() + ": " + health + " " + monitor.lastMetrics());
            }
        }
        assertEquals(frames.size(), seen.size());
        double minSharpness = seen.stream().mapToDouble(m -> m.sharpness() / m.referenceSharpness()).min().orElseThrow();
        assertTrue(minSharpness > HealthThresholds.defaults().blurRatio(), "traffic alone never reads as defocus");
    }

    @Test
    void defocusedRoadRaisesBlurred() {
        List<FrameMetrics> seen = new ArrayList<>();
        CameraHealth health = run(f -> Scenes.blurred(f, 3.0), seen);
        assertTrue(health.has(HealthFault.BLURRED), health + " " + seen.get(seen.size() - 1));
    }

    @Test
    void cameraKnockedSidewaysRaisesMoved() {
        List<FrameMetrics> seen = new ArrayList<>();
        CameraHealth health = run(f -> Scenes.shifted(f, -40, 10), seen);
        assertTrue(health.has(HealthFault.MOVED), health + " " + seen.get(seen.size() - 1));
    }

    @Test
    void lensHalfCoveredRaisesObstructed() {
        List<FrameMetrics> seen = new ArrayList<>();
        CameraHealth health = run(f -> Scenes.covered(f, 0.5), seen);
        assertTrue(health.has(HealthFault.OBSTRUCTED), health + " " + seen.get(seen.size() - 1));
    }

    @Test
    void nightWithoutIlluminatorRaisesTooDarkOnly() {
        List<FrameMetrics> seen = new ArrayList<>();
        CameraHealth health = run(f -> Scenes.darker(f, 0.04), seen);
        assertEquals(Set.of(HealthFault.TOO_DARK), health.faultSet(), seen.get(seen.size() - 1).toString());
    }

    @Test
    void decoderRepeatingOneFrameRaisesFrozen() {
        List<FrameMetrics> seen = new ArrayList<>();
        Frame stuck = frames.get(10);
        CameraHealth health = run(f -> new Frame(f.cameraId(), f.sequence(), f.capturedAt(), f.width(), f.height(),
                stuck.bgr()), seen);
        assertEquals(Set.of(HealthFault.FROZEN), health.faultSet());
    }
}
