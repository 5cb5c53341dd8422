package tw.enforce.sync.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageCodec;
import tw.enforce.sync.protocol.PackageFiles;
import tw.enforce.sync.testing.TestPassages;
import tw.enforce.sync.testing.TestPassages.Spec;

/** Passages stored in a real center store (SQLite, folders) and paired by the section center. */
class SectionCenterTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    private final KeyPair key = Ed25519Keys.generate();

    @TempDir
    Path tmp;
    Path storeDir;
    CenterStore store;
    SectionCenter center;
    TestPassages passages;

    @BeforeEach
    void open() throws Exception {
        storeDir = tmp.resolve("center");
        store = new CenterStore(storeDir, Clock.systemUTC());
        center = new SectionCenter(storeDir, store, SectionPolicy.DEFAULTS, Clock.systemUTC());
        passages = new TestPassages(tmp.resolve("units"));
    }

    @AfterEach
    void close() {
        center.close();
        store.close();
    }

    private String arrive(Spec s) throws Exception {
        Path dir = passages.write(s, key.getPrivate());
        store.store(PackageCodec.read(dir), ManifestSummary.parse(Files.readAllBytes(dir.resolve(PackageFiles.MANIFEST))));
        String id = dir.getFileName().toString();
        center.onAccepted(s.unitId(), id);
        return id;
    }

    private static Spec entry(String plate, double at) {
        return Spec.of("A", "entry", "B", plate, T0.plusMillis(Math.round(at * 1000)));
    }

    private static Spec exit(String plate, double at) {
        return Spec.of("B", "exit", "A", plate, T0.plusMillis(Math.round(at * 1000)));
    }

    @Test
    void pairedPassagesMakeAViolationWhoseRecordReproducesFromBothPackages() throws Exception {
        String in = arrive(entry("ABC-1234", 0));
        String out = arrive(exit("ABC-1234", 60));

        List<SectionCase> cases = center.cases();
        assertEquals(1, cases.size());
        SectionCase c = cases.get(0);
        assertEquals(SectionDecisionRecord.Status.VIOLATION, c.status());
        assertEquals(72.0, c.speedKmh(), 1e-9);
        assertEquals(in, c.entryPackage());
        assertEquals(out, c.exitPackage());
        assertTrue(c.enforceable());
        SectionDecisionRecord r = CanonicalJson.read(Files.readAllBytes(storeDir.resolve(c.file())),
                SectionDecisionRecord.class);
        assertEquals(PackageFiles.sha256Hex(Files.readAllBytes(store.packageFolder("A", in).resolve("manifest.json"))),
                r.entry().manifestSha256());
        assertEquals("plate.jpg", r.exit().plateImage());
        assertEquals(List.of(), center.verify());
    }

    @Test
    void editedDecisionRecordNoLongerVerifies() throws Exception {
        arrive(entry("ABC-1234", 0));
        arrive(exit("ABC-1234", 60));
        Path file = storeDir.resolve(center.cases().get(0).file());
        Files.writeString(file, Files.readString(file).replace("72.0", "92.0"));
        assertEquals(1, center.verify().size());
    }

    @Test
    void exitArrivingBeforeItsEntryIsPairedWhenTheEntryArrives() throws Exception {
        arrive(exit("ABC-1234", 100));
        assertTrue(center.cases().isEmpty());
        arrive(entry("ABC-1234", 0)); // 1200 m in 100 s = 43.2 km/h
        assertEquals(SectionDecisionRecord.Status.NO_VIOLATION, center.cases().get(0).status());
    }

    @Test
    void lateSecondEntryVoidsTheCaseAndLeavesTheExitAmbiguous() throws Exception {
        arrive(entry("ABC-1234", 30));
        arrive(exit("ABC-1234", 90));
        assertEquals(SectionDecisionRecord.Status.VIOLATION, center.cases().get(0).status());
        arrive(entry("ABC-1234", 0)); // delivered late: a second vehicle carrying the plate

        List<SectionCase> cases = center.cases();
        assertEquals(2, cases.size());
        assertTrue(cases.stream().anyMatch(c -> c.isVoid() && c.status() == SectionDecisionRecord.Status.VIOLATION));
        assertTrue(cases.stream().anyMatch(c -> !c.isVoid() && c.status() == SectionDecisionRecord.Status.AMBIGUOUS));
        assertEquals(List.of(), center.verify());
    }

    @Test
    void unreadAndDifferentlyReadPlatesMakeNoCase() throws Exception {
        arrive(entry(null, 0));
        arrive(exit(null, 60));
        arrive(entry("ABC-1234", 100));
        arrive(exit("ABC-1284", 160)); // the exit unit read one digit differently
        arrive(entry("ABC-12", 200).withPlateStatus("INVALID_FORMAT"));
        arrive(exit("ABC-12", 260).withPlateStatus("INVALID_FORMAT"));

        assertTrue(center.cases().isEmpty());
        long[] counts = center.passageCounts();
        assertEquals(2, counts[0]);
        assertEquals(4, counts[1]);
    }

    @Test
    void catchUpIndexesPackagesStoredWhileNoSectionCenterListened() throws Exception {
        for (Spec s : List.of(entry("ABC-1234", 0), exit("ABC-1234", 50))) {
            Path dir = passages.write(s, key.getPrivate());
            store.store(PackageCodec.read(dir), ManifestSummary.parse(Files.readAllBytes(dir.resolve("manifest.json"))));
        }
        assertEquals(2, center.catchUp());
        assertEquals(0, center.catchUp());
        assertEquals(1, center.cases().size());
        assertFalse(center.cases().get(0).isVoid());
    }
}
