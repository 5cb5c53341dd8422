package tw.enforce.runtime.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.PassageEvidence;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.WorldPoint;
import tw.enforce.runtime.plate.PlateRead;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.store.StoreSettings;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.TrackPoint;
import tw.enforce.runtime.track.TrackStatus;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.section.PassageManifest;

/** Tracks crossing the section line, through the real signer and SQLite evidence store. */
class PassageRecorderTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    private static final String SITE = """
            unit: {id: TPE-0002, site: TPE-SECTION-N}
            camera: {id: cam-1, width: 1280, height: 720}
            calibration:
              id: CAL-1
              validUntil: 2027-06-30
              points:
                - {u: 100, v: 700, x: -3.5, y: 20}
                - {u: 1180, v: 700, x: 3.5, y: 20}
                - {u: 500, v: 300, x: -3.5, y: 0}
                - {u: 780, v: 300, x: 3.5, y: 0}
            approach:
              name: northbound
              stopLineY: 0
              exitLineY: 20
              lanes:
                - {id: L1, xMin: -3.5, xMax: 0}
                - {id: L2, xMin: 0, xMax: 3.5}
            signal: {redPin: 17, amberPin: 27, greenPin: 22}
            rules:
              redLight: {graceSeconds: 0.3}
            """;

    @TempDir
    Path tmp;
    private final KeyPair key = Ed25519Keys.generate();
    private SiteConfigLoader.LoadedSite site;
    private SqliteEvidenceStore store;
    private FrameRing ring;
    private final SectionSettings section = new SectionSettings("S1", "exit", "TPE-0001", 1200, 60, 10.0);

    @BeforeEach
    void open() throws Exception {
        Path f = tmp.resolve("site.yaml");
        Files.writeString(f, SITE);
        site = SiteConfigLoader.load(f);
        store = new SqliteEvidenceStore(tmp.resolve("unit.db"), tmp.resolve("evidence"), "TPE-0002", key.getPublic(),
                new StoreSettings(0), Clock.fixed(T0, ZoneOffset.UTC));
        ring = new FrameRing(Duration.ofSeconds(8), f2 -> Jpeg.encode(f2, 90));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private PassageRecorder recorder(PlateReader reader) {
        PassageEvidence evidence = new PassageEvidence(site, section, new EvidenceManifest.Software("t", "truth", null),
                () -> new EvidenceManifest.ClockState("chrony", true, 2.5, null), reader, key.getPrivate(),
                Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC));
        return new PassageRecorder(section, evidence, store, ring, site.imageToWorld(), 720);
    }

    /** A car in lane L2 at x = 1.75 moving +y at 10 m/s from y = 0, one frame per 0.1 s, framed in the ring. */
    private Track car(long id, int frames, ObjectClass cls) {
        List<TrackPoint> points = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            Instant at = T0.plusMillis(100L * k);
            WorldPoint g = new WorldPoint(1.75, k * 1.0);
            ImagePoint p = site.imageToWorld().inverse().toImage(g);
            BoundingBox box = new BoundingBox(p.u() - 60, p.v() - 80, p.u() + 60, p.v());
            ring.add(new Frame("cam-1", k, at, 1280, 720, new byte[1280 * 720 * 3]));
            points.add(new TrackPoint(k, at, box, 0.9, g));
        }
        return new Track(id, cls, TrackStatus.FINISHED, points);
    }

    private static PlateReader reads(String text, boolean valid) {
        return reads(text, text, valid);
    }

    private static PlateReader reads(String text, String raw, boolean valid) {
        return new PlateReader() {
            @Override
            public Optional<PlateRead> read(Frame frame, BoundingBox vehicle) {
                Frame crop = new Frame("plate", 0, T0, 96, 32, new byte[96 * 32 * 3]);
                return Optional.of(new PlateRead(text, raw, valid ? 0.93 : 0.2, valid, vehicle, crop));
            }

            @Override
            public String description() {
                return "fixed";
            }
        };
    }

    private PassageManifest onlyPassage() throws Exception {
        List<SqliteEvidenceStore.StoredEvidence> all = store.list();
        assertEquals(1, all.size());
        Path dir = all.get(0).dir();
        byte[] bytes = Files.readAllBytes(dir.resolve("manifest.json"));
        byte[] sig = Base64.getDecoder().decode(Files.readString(dir.resolve("manifest.sig")).strip());
        assertTrue(Ed25519Keys.verify(key.getPublic(), bytes, sig), "passage manifest signed by the unit key");
        return PassageManifest.read(bytes);
    }

    @Test
    void passageFoldersVerifyOfflineAndKeepTheUnitChainUnbrokenButAreNotCourtCases() throws Exception {
        PassageRecorder r = recorder(reads("KLA5501", true));
        r.onFinished(List.of(car(4, 20, ObjectClass.CAR)));
        r.onFinished(List.of(car(5, 20, ObjectClass.CAR)));
        java.util.Map<Path, tw.enforce.runtime.evidence.FolderVerification> all = new java.util.LinkedHashMap<>();
        for (SqliteEvidenceStore.StoredEvidence e : store.list()) {
            tw.enforce.runtime.evidence.FolderVerification v = new tw.enforce.runtime.evidence.EvidenceVerifier()
                    .verify(e.dir(), key.getPublic());
            assertTrue(v.ok(), v.summary());
            assertEquals("PASSAGE", v.header().kind());
            all.put(e.dir(), v);
        }
        assertEquals(2, all.size());
        assertTrue(tw.enforce.runtime.evidence.EvidenceVerifier.checkChain(all).isEmpty(),
                tw.enforce.runtime.evidence.EvidenceVerifier.checkChain(all).toString());
        Path pub = tmp.resolve("unit.pub");
        Ed25519Keys.writePublicKey(pub, key.getPublic());
        tw.enforce.runtime.evidence.CourtExport.ExportException e = org.junit.jupiter.api.Assertions.assertThrows(
                tw.enforce.runtime.evidence.CourtExport.ExportException.class,
                () -> new tw.enforce.runtime.evidence.CourtExport().export(all.keySet().iterator().next(), pub, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("PASSAGE record, not a case"), e.getMessage());
    }

    @Test
    void crossingTrackIsRecordedAsASignedPassageWithItsInterpolatedTimeLaneAndPlate() throws Exception {
        PassageRecorder r = recorder(reads("KLA5501", true));
        Track t = car(4, 20, ObjectClass.CAR);

        r.onFinished(List.of(t));

        PassageManifest m = onlyPassage();
        assertEquals("PASSAGE", m.kind());
        assertEquals(T0.plusSeconds(1), m.passage().passedAt());
        assertEquals("L2", m.passage().lane());
        assertEquals(new PassageManifest.Plate("KLA5501", 0.93, "READ"), m.passage().plate());
        assertEquals(new PassageManifest.Section("S1", "exit", "TPE-0001", 1200, 60, 10.0), m.section());
        assertEquals(2.5, m.clock().estimatedOffsetMillis());
        assertEquals(List.of("plate.jpg", "scene.jpg"), m.files().stream().map(PassageManifest.FileEntry::name).toList());
        assertEquals(1, r.passagesRecorded());
    }

    @Test
    void activeTrackIsRecordedOnceSettledPastTheLineAndNotAgainWhenItEnds() throws Exception {
        PassageRecorder r = recorder(reads("KLA5501", true));
        r.onActive(List.of(car(4, 35, ObjectClass.CAR))); // last point 2.4 s after the crossing: not yet
        assertEquals(0, store.list().size());
        Track settled = car(4, 45, ObjectClass.CAR);        // 3.4 s after
        r.onActive(List.of(settled));
        assertEquals(1, store.list().size());
        r.onFinished(List.of(settled));
        assertEquals(1, store.list().size());
    }

    @Test
    void aReadNormalisedToTheLayoutKeepsWhatTheRecogniserSawBesideIt() throws Exception {
        recorder(reads("KLA5501", "KLA55O1", true)).onFinished(List.of(car(4, 20, ObjectClass.CAR)));
        PassageManifest.Plate p = onlyPassage().passage().plate();
        assertEquals(new PassageManifest.Plate("KLA5501", 0.93, "READ", "KLA55O1"), p,
                "the stored manifest says a letter O was read where the layout has a digit");
    }

    @Test
    void invalidReadIsRecordedAsSuchAndNoReadAsNotReadWithThePlateRegion() throws Exception {
        recorder(reads("KLA55", false)).onFinished(List.of(car(4, 20, ObjectClass.CAR)));
        assertEquals("INVALID_FORMAT", onlyPassage().passage().plate().status());
        store.close();
        tmp = Files.createDirectory(tmp.resolve("again"));
        open();
        recorder(null).onFinished(List.of(car(5, 20, ObjectClass.CAR)));
        PassageManifest m = onlyPassage();
        assertEquals("NOT_READ", m.passage().plate().status());
        assertNull(m.passage().plate().text());
        assertEquals("plate-region", m.files().get(0).role());
    }

    @Test
    void trackThatNeverReachesTheLineOrIsNoVehicleIsNotRecorded() throws Exception {
        PassageRecorder r = recorder(reads("KLA5501", true));
        r.onFinished(List.of(car(4, 8, ObjectClass.CAR), car(5, 20, ObjectClass.PERSON)));
        assertEquals(0, store.list().size());
    }
}
