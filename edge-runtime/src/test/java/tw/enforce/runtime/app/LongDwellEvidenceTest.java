package tw.enforce.runtime.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.config.TestSites;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.evidence.EnforceabilityPolicy;
import tw.enforce.runtime.evidence.EvidenceFile;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.EvidenceSigner;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.evidence.ViolationEvidence;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.rule.RuleRegistry;
import tw.enforce.runtime.signal.SignalHistory;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.store.StoreSettings;
import tw.enforce.runtime.track.IouTracker;
import tw.enforce.runtime.track.TrackerConfig;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * A car drives into the 60 s red zone and stands there 66 s. The unit's ring holds 8 s, so the
 * NO_STOPPING case's first scene (the dwell start, a minute before the limit) must come from the
 * frames the pipeline pinned for the standing car.
 */
class LongDwellEvidenceTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    static final double FPS = 5;
    static final double STOP_S = 3;
    @TempDir
    Path dir;

    /** Front at x = 4.75 m, coming up at 30 km/h from y = −45 m and standing at y = −20 m from {@link #STOP_S}. */
    static Detection car(double t) {
        double y = -45 + 25 * Math.min(t, STOP_S) / STOP_S;
        double x = 4.75;
        ImagePoint p = TestSites.CAMERA.project(x, y, 0);
        double depth = TestSites.CAMERA.depth(x, y, 0);
        double w = 1.8 * TestSites.CAMERA.focalPx() / depth;
        double h = 1.5 * TestSites.CAMERA.focalPx() / depth;
        double jitter = ((Math.round(t * FPS) * 7919) % 5 - 2) * 0.4; // box noise of a real detector, a pixel or so
        return new Detection(new BoundingBox(p.u() - w / 2 + jitter, p.v() - h - jitter, p.u() + w / 2 + jitter,
                p.v() + jitter / 2), ObjectClass.CAR, 0.9);
    }

    @Test
    void sixtySecondDwellPackageShowsTheDwellStartFromThePinnedFrames() throws Exception {
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(TestSites.write(dir, TestSites.full()));
        Detector detector = new Detector() {
            @Override
            public List<Detection> detect(Frame f) {
                return List.of(car(Duration.between(T0, f.capturedAt()).toNanos() / 1e9));
            }

            @Override
            public String description() {
                return "scripted";
            }
        };
        Map<Long, byte[]> encoded = new HashMap<>();
        FrameRing ring = new FrameRing(UnitAssembly.RING_WINDOW, f -> {
            byte[] jpeg = Jpeg.encode(f, 80);
            encoded.put(f.sequence(), jpeg);
            return jpeg;
        });
        SignalHistory signals = new SignalHistory(T0.minusSeconds(30));
        signals.lampChanged(SignalPhase.GREEN, true, T0.minusSeconds(20));
        KeyPair keys = Ed25519Keys.generate();
        Clock clock = Clock.fixed(T0.plusSeconds(70), ZoneOffset.UTC);
        List<SignedPackage> stored = new ArrayList<>();
        long maxPinned = 0;
        EnforcementPipeline pipeline;
        try (SqliteEvidenceStore store = new SqliteEvidenceStore(dir.resolve("unit.db"), dir.resolve("evidence"), "TPE-0001",
                keys.getPublic(), new StoreSettings(0), clock)) {
            pipeline = new EnforcementPipeline(detector, new IouTracker(TrackerConfig.defaults(), site.imageToWorld()), ring,
                    signals, site, RuleRegistry.forSite(site.config()),
                    new ViolationEvidence(site, new EvidenceManifest.Software("test", "scripted", null), clock,
                            () -> new EvidenceManifest.ClockState("test", true, 0.0, null), EnforceabilityPolicy.DEFAULT, null),
                    new EvidenceSigner(keys.getPrivate()), store, new PipelineStats(), stored::add, EnforcementGate.OPEN);
            byte[] bgr = new byte[1280 * 720 * 3];
            for (int i = 0; i < 69 * FPS; i++) {
                Arrays.fill(bgr, (byte) (i * 37)); // every frame a different picture, so the test can tell them apart
                pipeline.process(new Frame("cam-1", i + 1, T0.plusNanos(Math.round(i / FPS * 1e9)), 1280, 720, bgr.clone()));
                maxPinned = Math.max(maxPinned, pipeline.pinnedFrames().bytes());
            }
            pipeline.endOfStream(T0.plusSeconds(69));
        }
        List<SignedPackage> noStopping = stored.stream()
                .filter(p -> "NO_STOPPING".equals(manifest(p).rule())).toList();
        assertEquals(1, noStopping.size(), "one NO_STOPPING case among " + stored.size());
        SignedPackage p = noStopping.get(0);
        EvidenceManifest m = manifest(p);
        EvidenceFile first = p.files().get(0);
        assertEquals("dwell-start-Z1", first.role());
        long stopFrame = Math.round(STOP_S * FPS) + 1;
        assertTrue(Math.abs(first.frameSequence() - stopFrame) <= FPS,
                "first scene within a second of the stop (frame " + stopFrame + "): " + first.frameSequence());
        assertArrayEquals(encoded.get(first.frameSequence()), first.bytes(), "the captured JPEG of that frame, unaltered");
        long limitFrame = p.files().get(2).frameSequence();
        assertTrue((limitFrame - first.frameSequence()) / FPS >= 59, "start and limit a minute apart: " + first.frameSequence()
                + ".." + limitFrame);
        assertEquals(first.frameSequence(), m.files().get(0).frameSequence(), "the manifest names the frame shown");
        assertTrue(maxPinned > 0, "frames were pinned while the car stood");
        assertTrue(maxPinned <= pipeline.pinnedFrames().maxBytes());
        assertEquals(0, pipeline.pinnedFrames().bytes(), "pins released when the track ended");
    }

    private static EvidenceManifest manifest(SignedPackage p) {
        try {
            return CanonicalJson.read(p.manifestJson(), EvidenceManifest.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
