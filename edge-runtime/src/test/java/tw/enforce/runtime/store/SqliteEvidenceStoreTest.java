package tw.enforce.runtime.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.evidence.ChainLink;
import tw.enforce.runtime.evidence.EvidenceFile;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.outbox.SqliteOutbox;

class SqliteEvidenceStoreTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static SignedPackage pkg(ChainLink link) {
        String id = "U1-" + link.sequence();
        byte[] manifest = ("{\"prev\":\"" + link.previousManifestSha256() + "\",\"seq\":" + link.sequence() + "}")
                .getBytes(StandardCharsets.UTF_8);
        return new SignedPackage(id, link.sequence(), "hash-" + link.sequence(), manifest, new byte[] {1, 2, 3},
                List.of(new EvidenceFile("scene-1.jpg", "before", 1, new byte[] {9, 9})));
    }

    @Test
    void storedPackageIsOnDiskIndexedAndQueuedForTheCenter() throws Exception {
        try (SqliteEvidenceStore store = new SqliteEvidenceStore(dir.resolve("unit.db"), dir.resolve("evidence"), "U1", CLOCK)) {
            SignedPackage p = store.store(SqliteEvidenceStoreTest::pkg, 5);
            Path folder = dir.resolve("evidence").resolve(p.packageId());
            assertArrayEquals(new byte[] {9, 9}, Files.readAllBytes(folder.resolve("scene-1.jpg")));
            assertArrayEquals(p.manifestJson(), Files.readAllBytes(folder.resolve("manifest.json")));
            assertArrayEquals(new byte[] {1, 2, 3}, Base64.getDecoder().decode(Files.readAllBytes(folder.resolve("manifest.sig"))));
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
        try (SqliteEvidenceStore store = new SqliteEvidenceStore(dir.resolve("unit.db"), dir.resolve("evidence"), "U1", CLOCK)) {
            assertEquals(new ChainLink(1, EvidenceManifest.GENESIS), store.nextLink());
            store.store(SqliteEvidenceStoreTest::pkg, 5);
            store.store(SqliteEvidenceStoreTest::pkg, 5);
        }
        try (SqliteEvidenceStore store = new SqliteEvidenceStore(dir.resolve("unit.db"), dir.resolve("evidence"), "U1", CLOCK)) {
            assertEquals(new ChainLink(3, "hash-2"), store.nextLink());
            SignedPackage third = store.store(SqliteEvidenceStoreTest::pkg, 5);
            assertTrue(new String(third.manifestJson(), StandardCharsets.UTF_8).contains("hash-2"));
        }
    }

    @Test
    void anExistingPackageFolderIsNeverOverwritten() throws Exception {
        Files.createDirectories(dir.resolve("evidence/U1-1"));
        Files.writeString(dir.resolve("evidence/U1-1/scene-1.jpg"), "earlier evidence");
        try (SqliteEvidenceStore store = new SqliteEvidenceStore(dir.resolve("unit.db"), dir.resolve("evidence"), "U1", CLOCK)) {
            StoreException e = assertThrows(StoreException.class, () -> store.store(SqliteEvidenceStoreTest::pkg, 5));
            assertTrue(e.getMessage().contains("refusing to overwrite"), e.getMessage());
            assertEquals("earlier evidence", Files.readString(dir.resolve("evidence/U1-1/scene-1.jpg")));
            assertEquals(new ChainLink(1, EvidenceManifest.GENESIS), store.nextLink(), "chain not advanced");
            assertTrue(store.list().isEmpty());
        }
    }
}
