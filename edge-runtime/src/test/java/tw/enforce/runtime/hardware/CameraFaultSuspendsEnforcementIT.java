package tw.enforce.runtime.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameSource;
import tw.enforce.camera.FrameSourceException;
import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.OpenCvFrameSource;
import tw.enforce.gpio.pi4j.MockGpio;
import tw.enforce.runtime.app.UnitAssembly;
import tw.enforce.runtime.app.UnitRuntime;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.diag.StatusReport;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.geometry.Homography;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.WorldPoint;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * The whole unit (signal inputs on Pi4J's mock board, pipeline, evidence store in SQLite) fed the
 * real road video through OpenCV, with one car that runs the red light 2.5 s into red. The car's
 * detections are scripted (the camera's picture is what is under test, not the detector); the
 * picture goes wrong in the ways a roadside camera does, from 0.4 s into the run: frozen (the decoder
 * repeats one frame), black (lens capped) or moved (turned 40 px sideways). Any of them must
 * suspend enforcement of the car that passes while the fault lasts; a fault that cleared before the
 * car came must not.
 */
class CameraFaultSuspendsEnforcementIT {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    static final Duration FRAME = Duration.ofMillis(80); // the video's 12.5 fps
    static final int FRAMES = 85;
    static final int RED = 17;
    static final int AMBER = 27;
    static final int GREEN = 22;

    enum Fault { NONE, FROZEN, BLACK, MOVED }

    @TempDir
    Path dir;

    @Test
    void healthyCameraTicketsTheRedLightRunner() throws Exception {
        StatusReport s = run(Fault.NONE, 0, FRAMES, "");
        assertEquals(1, s.evidenceStored(), "the red-light runner is ticketed");
        assertTrue(s.hardware().cameraHealthy());
        assertTrue(s.hardware().faultsRaised().isEmpty(), s.hardware().faultsRaised().toString());
        assertEquals(0, s.hardware().casesSuspended());
    }

    @Test
    void frozenPictureSuspendsEnforcement() throws Exception {
        suspended(Fault.FROZEN, "FROZEN");
    }

    @Test
    void blackPictureSuspendsEnforcement() throws Exception {
        suspended(Fault.BLACK, "TOO_DARK");
    }

    @Test
    void cameraTurnedAwaySuspendsEnforcement() throws Exception {
        suspended(Fault.MOVED, "MOVED");
    }

    @Test
    void faultThatClearedBeforeTheCarCameDoesNotSuspendIt() throws Exception {
        // frozen from 0.08 s to 1.12 s (one frame in four analysed), raised after 0.2 s, cleared after 0.5 s of a
        // live picture: over by about 1.9 s, before the car comes at 2.5 s
        StatusReport s = run(Fault.FROZEN, 1, 14, "raiseAfterMs: 200, clearAfterMs: 500, ");
        assertEquals(1L, s.hardware().faultsRaised().get("FROZEN"), s.hardware().faultsRaised().toString());
        assertTrue(s.hardware().cameraHealthy(), "cleared: " + s.hardware().cameraFaults());
        assertEquals(1, s.evidenceStored(), "enforcement resumed once the fault cleared");
        assertEquals(0, s.hardware().casesSuspended());
    }

    private void suspended(Fault fault, String expected) throws Exception {
        StatusReport s = run(fault, 5, FRAMES, "");
        assertEquals(0, s.evidenceStored(), "no ticket from a faulty camera");
        assertEquals(1, s.hardware().casesSuspended(), "the red-light case was found and suspended");
        assertTrue(s.hardware().faultsRaised().containsKey(expected), s.hardware().faultsRaised().toString());
        assertTrue(s.hardware().cameraFaults().containsKey(expected), "still faulty at the end: "
                + s.hardware().cameraFaults());
    }

    /** Runs the unit over the video with {@code fault} applied to frames [from, to). */
    private StatusReport run(Fault fault, int from, int to, String healthSettings) throws Exception {
        String video = System.getProperty("enforce.shared.dir");
        assumeTrue(video != null, "enforce.shared.dir not set: the road video is unavailable");
        Path file = Path.of(video).resolve("data/video/car-detection-mjpeg.avi");
        assumeTrue(Files.isReadable(file), "road video not present: " + file);

        TestClock clock = new TestClock(T0);
        Path site = writeSite(file, healthSettings);
        SiteConfigLoader.LoadedSite loaded = SiteConfigLoader.load(site);
        Files.createDirectories(dir.resolve("state"));
        try (MockGpio gpio = MockGpio.start(clock);
             ScriptedCamera camera = new ScriptedCamera(file, clock, gpio, fault, from, to)) {
            UnitRuntime unit = UnitAssembly.assemble(loaded, dir.resolve("state"), Ed25519Keys.generate().getPrivate(),
                    camera, gpio.board(), new ScriptedCar(loaded.imageToWorld().inverse()), clock,
                    () -> new EvidenceManifest.ClockState("test", true, "test clock"), null, p -> { });
            try {
                unit.runToEnd();
                return unit.status();
            } finally {
                unit.close();
            }
        }
    }

    private Path writeSite(Path video, String healthSettings) throws Exception {
        try (OpenCvFrameSource s = OpenCvFrameSource.open("cam-1", video.toString(), Clock.systemUTC())) {
            Mat first = FrameMats.toMat(s.next().orElseThrow());
            Imgcodecs.imwrite(dir.resolve("reference.png").toString(), first);
            first.release();
        }
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, """
                unit: {id: TPE-T001, site: TEST-SITE}
                camera: {id: cam-1, width: 768, height: 432}
                calibration:
                  id: CAL-T
                  validUntil: 2099-12-31
                  points:
                    - {u: 234, v: 420, x: -3.5, y: -15}
                    - {u: 534, v: 420, x: 3.5, y: -15}
                    - {u: 334, v: 100, x: -3.5, y: 25}
                    - {u: 434, v: 100, x: 3.5, y: 25}
                approach: {name: northbound, stopLineY: 0, exitLineY: 20}
                signal: {redPin: 17, amberPin: 27, greenPin: 22}
                rules: {redLight: {graceSeconds: 0.3}}
                hardware:
                  cameraHealth: {%sreference: reference.png}
                """.formatted(healthSettings));
        return site;
    }

    /**
     * The road video, restamped at 12.5 fps on the test clock, with the fault applied; it also plays
     * the traffic controller: green at 0 s, amber at 0.96 s, red at 2 s.
     */
    private static final class ScriptedCamera implements FrameSource {
        private final OpenCvFrameSource video;
        private final TestClock clock;
        private final MockGpio gpio;
        private final Fault fault;
        private final int from;
        private final int to;
        private final Random noise = new Random(7);
        private Frame frozen;
        private long n;

        ScriptedCamera(Path file, TestClock clock, MockGpio gpio, Fault fault, int from, int to) throws Exception {
            this.video = OpenCvFrameSource.open("cam-1", file.toString(), Clock.systemUTC());
            this.clock = clock;
            this.gpio = gpio;
            this.fault = fault;
            this.from = from;
            this.to = to;
        }

        @Override
        public Optional<Frame> next() throws FrameSourceException {
            if (n >= FRAMES) {
                return Optional.empty();
            }
            Instant at = T0.plus(FRAME.multipliedBy(n));
            clock.now = at;
            lamps();
            Optional<Frame> read = video.next();
            if (read.isEmpty()) {
                return read;
            }
            Frame f = new Frame("cam-1", n, at, read.get().width(), read.get().height(), read.get().bgr());
            if (n >= from && n < to) {
                f = broken(f);
            } else {
                frozen = null;
            }
            n++;
            return Optional.of(f);
        }

        private void lamps() {
            if (n == 0) {
                gpio.drive(GREEN, true);
            } else if (n == 12) {
                gpio.drive(GREEN, false);
                gpio.drive(AMBER, true);
            } else if (n == 25) {
                gpio.drive(AMBER, false);
                gpio.drive(RED, true);
            }
        }

        private Frame broken(Frame f) {
            return switch (fault) {
                case NONE -> f;
                case FROZEN -> {
                    if (frozen == null) {
                        frozen = f;
                    }
                    yield new Frame(f.cameraId(), f.sequence(), f.capturedAt(), f.width(), f.height(), frozen.bgr());
                }
                case BLACK -> {
                    byte[] dark = new byte[f.bgr().length];
                    for (int i = 0; i < dark.length; i++) {
                        dark[i] = (byte) noise.nextInt(9); // a capped lens: sensor noise on black
                    }
                    yield new Frame(f.cameraId(), f.sequence(), f.capturedAt(), f.width(), f.height(), dark);
                }
                case MOVED -> {
                    Mat in = FrameMats.toMat(f);
                    Mat shift = new Mat(2, 3, org.opencv.core.CvType.CV_64F);
                    shift.put(0, 0, 1, 0, 40, 0, 1, 6);
                    Mat out = new Mat();
                    Imgproc.warpAffine(in, out, shift, new Size(in.cols(), in.rows()), Imgproc.INTER_LINEAR,
                            org.opencv.core.Core.BORDER_REFLECT);
                    Frame moved = FrameMats.toFrame(out, f.cameraId(), f.sequence(), f.capturedAt());
                    in.release();
                    shift.release();
                    out.release();
                    yield moved;
                }
            };
        }

        @Override
        public String cameraId() {
            return "cam-1";
        }

        @Override
        public void close() {
            video.close();
        }
    }

    /** One car in lane L2 at 10 m/s from 15 m before the stop line (at 2.5 s) to 25 m past it (at 6.5 s): 2 s into red at the line. */
    private static final class ScriptedCar implements Detector {
        private final Homography worldToImage;

        ScriptedCar(Homography worldToImage) {
            this.worldToImage = worldToImage;
        }

        @Override
        public List<Detection> detect(Frame frame) {
            double t = Duration.between(T0, frame.capturedAt()).toMillis() / 1000.0;
            if (t < 2.5 || t > 6.5) {
                return List.of();
            }
            ImagePoint bottom = worldToImage.toImage(new WorldPoint(1.75, -15 + 10 * (t - 2.5)));
            double w = 70;
            return List.of(new Detection(new BoundingBox(bottom.u() - w / 2, bottom.v() - 0.8 * w, bottom.u() + w / 2,
                    bottom.v()), ObjectClass.CAR, 0.9));
        }

        @Override
        public String description() {
            return "scripted car";
        }

        @Override
        public void close() {
        }
    }

    private static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
