package tw.enforce.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.EvidenceReplay;
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
 * The pipeline with every enabled rule, on boxes a real camera pose would see: a speeder and a
 * law-abiding car pass the speed zone on green; exactly one SPEED case is stored (once, although
 * the rules run on the speeder's track every half second), signed in a real SQLite store, and it
 * replays from its manifest.
 */
class RulePipelineIT {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    @TempDir
    Path dir;

    /** A car whose front is at (x, y0 + v·t), as the camera would box it (1.8 m wide, 1.5 m tall). */
    record Car(double x, double y0, double kmh) {
        Detection at(double t) {
            double y = y0 + kmh / 3.6 * t;
            ImagePoint p = TestSites.CAMERA.project(x, y, 0);
            double depth = TestSites.CAMERA.depth(x, y, 0);
            double w = 1.8 * TestSites.CAMERA.focalPx() / depth;
            double h = 1.5 * TestSites.CAMERA.focalPx() / depth;
            return new Detection(new BoundingBox(p.u() - w / 2, p.v() - h, p.u() + w / 2, p.v()), ObjectClass.CAR, 0.9);
        }
    }

    @Test
    void speederGetsExactlyOneReplayableSpeedCaseAndTheLawfulCarNone() throws Exception {
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(TestSites.write(dir, TestSites.full()));
        List<Car> cars = List.of(new Car(-1.5, -45, 80), new Car(1.8, -40, 40));
        double fps = 15;
        Detector detector = new Detector() {
            @Override
            public List<Detection> detect(Frame f) {
                double t = Duration.between(T0, f.capturedAt()).toNanos() / 1e9;
                return cars.stream().map(c -> c.at(t)).filter(d -> d.box().y2() < 719 && d.box().y1() > 0).toList();
            }

            @Override
            public String description() {
                return "scripted";
            }
        };
        byte[] bgr = new byte[1280 * 720 * 3];
        byte[] black = Jpeg.encode(new Frame("cam-1", 0, T0, 1280, 720, bgr), 80);
        SignalHistory signals = new SignalHistory(T0.minusSeconds(30));
        signals.lampChanged(SignalPhase.GREEN, true, T0.minusSeconds(20));
        KeyPair keys = Ed25519Keys.generate();
        Clock clock = Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC);
        List<SignedPackage> stored = new ArrayList<>();
        PipelineStats stats = new PipelineStats();
        try (SqliteEvidenceStore store = new SqliteEvidenceStore(dir.resolve("unit.db"), dir.resolve("evidence"), "TPE-0001",
                keys.getPublic(), new StoreSettings(0), clock)) {
            EnforcementPipeline pipeline = new EnforcementPipeline(detector,
                    new IouTracker(TrackerConfig.defaults(), site.imageToWorld()), new FrameRing(Duration.ofSeconds(8), f -> black),
                    signals, site, RuleRegistry.forSite(site.config()),
                    new ViolationEvidence(site, new EvidenceManifest.Software("test", "scripted", null), clock,
                            () -> new EvidenceManifest.ClockState("test", true, 0.0, null), EnforceabilityPolicy.DEFAULT, null),
                    new EvidenceSigner(keys.getPrivate()), store, stats, stored::add, EnforcementGate.OPEN);
            for (int i = 0; i < 4 * fps; i++) {
                pipeline.process(new Frame("cam-1", i + 1, T0.plusNanos(Math.round(i / fps * 1e9)), 1280, 720, bgr));
            }
            pipeline.endOfStream(T0.plusSeconds(5));
        }
        assertEquals(1, stored.size(), "one case: " + stored.stream().map(SignedPackage::packageId).toList());
        EvidenceManifest m = CanonicalJson.read(stored.get(0).manifestJson(), EvidenceManifest.class);
        assertEquals("SPEED", m.rule());
        assertEquals("L1", m.lane());
        assertEquals(80, m.measurement().get("speedKmh").asDouble(), 3);
        // front at the zone middle (−15 m): 30 m from −45 at 22.2 m/s = 1.35 s
        assertEquals(1350, Duration.between(T0, Instant.parse(m.measurement().get("eventTime").asText())).toMillis(), 80);
        assertTrue(EvidenceReplay.replay(m).matches());
        assertEquals(1, stats.evidenceStored.get());
    }
}
