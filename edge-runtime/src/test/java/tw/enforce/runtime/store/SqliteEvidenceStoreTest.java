package tw.enforce.runtime.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.evidence.ChainLink;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.evidence.TestEvidence;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.outbox.SqliteOutbox;

class SqliteEvidenceStoreTest {
    static final Clock CLOCK = Clock.fixed(TestEvidence.T0.plusSeconds(5), ZoneOffset.UTC);

    @TempDir
    Path dir;
    TestEvidence.Unit unit;

    @BeforeEach
    void createUnit() throws Exception {
        unit = TestEvidence.Unit.create("U1", dir);
    }

    SqliteEvidenceStore open() throws Exception {
        return unit.openStore(StoreSettings.UNLIMITED, CLOCK);
    }

    @Test
    void storedPackageIsOnDiskIndexedAndQueuedForTheCenter() throws Exception {
        try (SqliteEvidenceStore store = open()) {
            SignedPackage p = unit.store(store, 1000, 1);
            Path folder = dir.resolve("evidence").resolve(p.packageId());
            assertArrayEquals(p.files().get(0).bytes(), Files.readAllBytes(folder.resolve("scene-1.jpg")));
            assertArrayEquals(p.manifestJson(), Files.readAllBytes(folder.resolve("manifest.json")));
            assertArrayEquals(p.signature(), Base64.getDecoder().decode(Files.readAllBytes(folder.resolve("manifest.sig"))));
            assertEquals(1, store.list().size());
        }
        try (SqliteOutbox outbox = new SqliteOutbox(dir.resolve("unit.db"), CLOCK)) {
            assertEquals(1L, outbox.countByState().get(OutboxState.STORED));
        }
        try (var names = Files.list(dir.resolve("evidence"))) {
            assertFalse(names.anyMatch(n -> n.getFileName().toString().startsWith(".incoming-")), "no temp folder left");
        }
    }

    @Test
    void chainContinuesAcrossRestarts() throws Exception {
        String second;
        try (SqliteEvidenceStore store = open()) {
            assertEquals(new ChainLink(1, EvidenceManifest.GENESIS), store.nextLink());
            unit.store(store, 1000, 1);
            second = unit.store(store, 1000, 2).manifestSha256();
        }
        try (SqliteEvidenceStore store = open()) {
            assertEquals(new ChainLink(3, second), store.nextLink());
            SignedPackage third = unit.store(store, 1000, 3);
            assertTrue(new String(third.manifestJson(), StandardCharsets.UTF_8).contains(second));
        }
    }

    @Test
    void aForeignFolderInTheWayIsQuarantinedNotOverwritten() throws Exception {
        Files.createDirectories(dir.resolve("evidence/U1-00000001"));
        Files.writeString(dir.resolve("evidence/U1-00000001/scene-1.jpg"), "earlier evidence");
        try (SqliteEvidenceStore store = open()) {
            assertEquals("earlier evidence", Files.readString(dir.resolve("quarantine/U1-00000001/scene-1.jpg")));
            assertTrue(store.alarms().stream().anyMatch(a -> a.code().equals(StoreAlarm.PACKAGE_QUARANTINED)
                    && a.detail().contains("U1-00000001")), store.alarms().toString());
            SignedPackage p = unit.store(store, 1000, 1);
            assertEquals(1, p.sequence());
        }
    }

    @Test
    void completeButUnindexedFolderIsVerifiedReindexedAndQueued() throws Exception {
        Path saved = dir.resolve("saved");
        String id;
        try (SqliteEvidenceStore store = open()) {
            unit.store(store, 1000, 1);
            SignedPackage p2 = unit.store(store, 1000, 2);
            id = p2.packageId();
        }
        // the state a crash between rename and commit leaves: folder complete, no index or outbox row
        Files.move(dir.resolve("evidence").resolve(id), saved, StandardCopyOption.ATOMIC_MOVE);
        try (var c = SqliteOutbox.connect(dir.resolve("unit.db")); var st = c.createStatement()) {
            st.execute("DELETE FROM evidence WHERE package_id = '" + id + "'");
            st.execute("DELETE FROM outbox_entries WHERE package_id = '" + id + "'");
        }
        Files.move(saved, dir.resolve("evidence").resolve(id), StandardCopyOption.ATOMIC_MOVE);
        Files.createDirectories(dir.resolve("evidence/.incoming-U1-00000003"));
        Files.writeString(dir.resolve("evidence/.incoming-U1-00000003/scene-1.jpg"), "half");

        try (SqliteEvidenceStore store = open()) {
            assertEquals(2, store.list().size(), "re-indexed");
            assertEquals(3, store.nextLink().sequence(), "chain position taken from the manifest");
            assertFalse(Files.exists(dir.resolve("evidence/.incoming-U1-00000003")), "unfinished write removed");
            assertTrue(store.alarms().isEmpty(), store.alarms().toString());
        }
        try (SqliteOutbox outbox = new SqliteOutbox(dir.resolve("unit.db"), CLOCK)) {
            assertEquals(OutboxState.STORED, outbox.find(id).orElseThrow().state());
        }
    }

    @Test
    void unindexedFolderThatDoesNotVerifyIsQuarantinedWithAnAlarm() throws Exception {
        String id;
        try (SqliteEvidenceStore store = open()) {
            id = unit.store(store, 1000, 1).packageId();
        }
        try (var c = SqliteOutbox.connect(dir.resolve("unit.db")); var st = c.createStatement()) {
            st.execute("DELETE FROM evidence");
            st.execute("DELETE FROM outbox_entries");
        }
        Path img = dir.resolve("evidence").resolve(id).resolve("scene-1.jpg");
        byte[] b = Files.readAllBytes(img);
        b[10] ^= 0x40;
        Files.write(img, b);
        try (SqliteEvidenceStore store = open()) {
            assertTrue(store.list().isEmpty());
            assertTrue(Files.isDirectory(dir.resolve("quarantine").resolve(id)), "kept in quarantine");
            assertTrue(store.alarms().stream().anyMatch(a -> a.code().equals(StoreAlarm.PACKAGE_QUARANTINED)
                    && a.detail().contains("scene-1.jpg: hash mismatch")), store.alarms().toString());
        }
    }

    @Test
    void corruptDatabaseIsMovedAsideAndTheStoreRebuiltFromVerifiedFolders() throws Exception {
        try (SqliteEvidenceStore store = open()) {
            unit.store(store, 1000, 1);
            unit.store(store, 1000, 2);
        }
        byte[] garbage = new byte[8192];
        new java.util.Random(3).nextBytes(garbage);
        Files.write(dir.resolve("unit.db"), garbage);
        Files.deleteIfExists(dir.resolve("unit.db-wal"));
        Files.deleteIfExists(dir.resolve("unit.db-shm"));
        try (SqliteEvidenceStore store = open()) {
            assertEquals("ok", store.integrityCheck());
            assertEquals(2, store.list().size(), "both packages re-indexed");
            assertEquals(3, store.nextLink().sequence());
            assertTrue(store.alarms().stream().anyMatch(a -> a.code().equals(StoreAlarm.DATABASE_CORRUPT)),
                    store.alarms().toString());
        }
        try (var names = Files.list(dir)) {
            Path aside = names.filter(n -> n.getFileName().toString().startsWith("unit.db.corrupt-")).findFirst().orElseThrow();
            assertArrayEquals(garbage, Files.readAllBytes(aside), "the corrupt file is kept as it was");
        }
    }
}
