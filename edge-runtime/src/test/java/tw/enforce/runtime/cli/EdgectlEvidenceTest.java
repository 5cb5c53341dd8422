package tw.enforce.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.evidence.TestEvidence;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.store.StoreSettings;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;

class EdgectlEvidenceTest {
    static final Clock CLOCK = Clock.fixed(TestEvidence.T0.plusSeconds(5), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Path state;
    String id;

    @BeforeEach
    void storeOnePackage() throws Exception {
        state = tmp.resolve("state");
        TestEvidence.Unit unit = TestEvidence.Unit.create("U7", state);
        try (SqliteEvidenceStore store = unit.openStore(StoreSettings.UNLIMITED, CLOCK)) {
            SignedPackage p = unit.store(store, 20_000, 1);
            id = p.packageId();
        }
    }

    record Run(int exit, String out) {
    }

    static Run edgectl(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Edgectl()).execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    Path exported() {
        Path to = tmp.resolve("court");
        Run r = edgectl("evidence", "export", id, "--to", to.toString(), "--state", state.toString());
        assertEquals(0, r.exit(), r.out());
        return to;
    }

    @Test
    void exportWritesASelfContainedFolderThatVerifiesOffline() throws Exception {
        Path to = exported();
        for (String f : new String[] {"manifest.json", "manifest.sig", "unit.pub", "summary.txt", "summary.html",
            "scene-1.jpg", "scene-2.jpg", "plate.jpg"}) {
            assertTrue(Files.isRegularFile(to.resolve(f)), f + " exported");
        }
        Run v = edgectl("evidence", "verify", to.toString());
        assertEquals(0, v.exit(), v.out());
        assertTrue(v.out().startsWith("OK " + id), v.out());
    }

    @Test
    void summaryCarriesTheDataBar() throws Exception {
        String txt = Files.readString(exported().resolve("summary.txt"));
        for (String s : new String[] {"Unit: U7", "Site: TPE-Xinyi-01", "Time (UTC): 2026-11-26 02:00:01.000 UTC", "Rule: RED_LIGHT",
            "Lane: L2", "Time into red: 0.500 s", "Speed: 36.0 km/h", "Plate: ABC-1234", "Enforceable:"}) {
            assertTrue(txt.contains(s), "summary.txt lacks '" + s + "':\n" + txt);
        }
        String html = Files.readString(tmp.resolve("court/summary.html"));
        assertTrue(html.contains("<img src=\"scene-1.jpg\"") && html.contains("ABC-1234"), html);
    }

    @Test
    void verifyNamesATamperedImageAndFails() throws Exception {
        Path to = exported();
        byte[] img = Files.readAllBytes(to.resolve("scene-2.jpg"));
        img[100] ^= 1;
        Files.write(to.resolve("scene-2.jpg"), img);
        Run v = edgectl("evidence", "verify", to.toString());
        assertEquals(1, v.exit());
        assertTrue(v.out().contains("scene-2.jpg: hash mismatch"), v.out());
        assertTrue(!v.out().contains("scene-1.jpg"), "untouched files are not blamed: " + v.out());
    }

    @Test
    void verifyNamesAManifestEditedAfterSigning() throws Exception {
        Path to = exported();
        String m = Files.readString(to.resolve("manifest.json"));
        Files.writeString(to.resolve("manifest.json"), m.replace("ABC-1234", "ABD-1234"));
        Run v = edgectl("evidence", "verify", to.toString());
        assertEquals(1, v.exit());
        assertTrue(v.out().contains("manifest.sig: bad signature"), v.out());
    }

    @Test
    void verifyWithAnotherUnitsKeyFails() throws Exception {
        Path to = exported();
        Path other = tmp.resolve("other.pub");
        Ed25519Keys.writePublicKey(other, Ed25519Keys.generate().getPublic());
        Run v = edgectl("evidence", "verify", to.toString(), "--key", other.toString());
        assertEquals(1, v.exit());
        assertTrue(v.out().contains("manifest.sig: bad signature"), v.out());
    }

    @Test
    void verifyReportsAMissingAndAnExtraFile() throws Exception {
        Path to = exported();
        Files.delete(to.resolve("plate.jpg"));
        Files.writeString(to.resolve("extra.jpg"), "slipped in");
        Run v = edgectl("evidence", "verify", to.toString());
        assertEquals(1, v.exit());
        assertTrue(v.out().contains("plate.jpg: listed file missing"), v.out());
        assertTrue(v.out().contains("extra.jpg: unlisted file"), v.out());
    }

    @Test
    void listShowsStoredPackagesWithTheirOutboxState() {
        Run r = edgectl("evidence", "list", "--state", state.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains(id) && r.out().contains("STORED"), r.out());
    }

    @Test
    void replayReachesTheRecordedDecision() {
        Run r = edgectl("evidence", "replay", id, "--state", state.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().startsWith("MATCH " + id + ": replayed RED_LIGHT violation at "), r.out());
        assertTrue(r.out().contains(", 0.500 s into red"), r.out());
    }

    @Test
    void replayReportsARecordThatDiffersFromTheRule() throws Exception {
        Path pkg = state.resolve("evidence").resolve(id);
        Path copy = tmp.resolve("altered");
        Files.createDirectories(copy);
        EvidenceManifest m = CanonicalJson.read(Files.readAllBytes(pkg.resolve("manifest.json")), EvidenceManifest.class);
        String altered = new String(CanonicalJson.write(m), StandardCharsets.UTF_8)
                .replace("\"timeIntoRedSeconds\":0.5", "\"timeIntoRedSeconds\":1.5");
        Files.writeString(copy.resolve("manifest.json"), altered);
        Run r = edgectl("evidence", "replay", id, "--dir", copy.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("timeIntoRedSeconds recorded 1.5, replayed 0.5"), r.out());
    }

    @Test
    void exportOfAnUnknownIdSaysSo() {
        Run r = edgectl("evidence", "export", "U7-00000099", "--to", tmp.resolve("x").toString(), "--state", state.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("no evidence package U7-00000099"), r.out());
    }

    @Test
    void verifyOfSeveralFoldersReportsAGapInTheChain() throws Exception {
        TestEvidence.Unit unit = new TestEvidence.Unit("U7", new java.security.KeyPair(
                Ed25519Keys.readPublicKey(state.resolve("keys/unit.pub")), Ed25519Keys.readPrivateKey(state.resolve("keys/unit.key"))),
                state);
        try (SqliteEvidenceStore store = unit.openStore(StoreSettings.UNLIMITED, CLOCK)) {
            unit.store(store, 2000, 2);
            unit.store(store, 2000, 3);
        }
        Path ev = state.resolve("evidence");
        String key = state.resolve("keys/unit.pub").toString();
        Run whole = edgectl("evidence", "verify", ev.resolve("U7-00000001").toString(), ev.resolve("U7-00000002").toString(),
                ev.resolve("U7-00000003").toString(), "--key", key);
        assertEquals(0, whole.exit(), whole.out());
        Run gap = edgectl("evidence", "verify", ev.resolve("U7-00000001").toString(), ev.resolve("U7-00000003").toString(),
                "--key", key);
        assertEquals(1, gap.exit());
        assertTrue(gap.out().contains("U7-00000003/manifest.json: chain (gap: sequence 1 is followed by 3)"), gap.out());
    }
}
