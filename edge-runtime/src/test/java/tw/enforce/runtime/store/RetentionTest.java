package tw.enforce.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.evidence.EvidenceVerifier;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.evidence.TestEvidence;
import tw.enforce.sync.outbox.SqliteOutbox;

class RetentionTest {
    static final Clock CLOCK = Clock.fixed(TestEvidence.T0.plusSeconds(5), ZoneOffset.UTC);
    static final int MEDIA = 10_000; // two scenes of 10 kB and a plate of 1.25 kB per package

    @TempDir
    Path dir;
    TestEvidence.Unit unit;

    @BeforeEach
    void createUnit() throws Exception {
        unit = TestEvidence.Unit.create("U3", dir);
    }

    void acknowledge(String id) throws Exception {
        try (SqliteOutbox center = new SqliteOutbox(dir.resolve("unit.db"), CLOCK)) {
            assertTrue(center.markAcknowledged(id));
        }
    }

    @Test
    void acknowledgedMediaArePrunedOldestFirstAndAudited() throws Exception {
        try (SqliteEvidenceStore store = unit.openStore(new StoreSettings(120_000), CLOCK)) {
            SignedPackage p1 = unit.store(store, MEDIA, 1);
            SignedPackage p2 = unit.store(store, MEDIA, 2);
            SignedPackage p3 = unit.store(store, MEDIA, 3);
            acknowledge(p1.packageId());
            acknowledge(p3.packageId());
            for (int i = 4; i <= 6; i++) {
                unit.store(store, MEDIA, i);
            }
            assertTrue(store.usedBytes() <= 120_000, "within quota: " + store.usedBytes());
            Path d1 = dir.resolve("evidence").resolve(p1.packageId());
            assertFalse(Files.exists(d1.resolve("scene-1.jpg")), "oldest acknowledged media pruned");
            assertTrue(Files.exists(d1.resolve("manifest.json")) && Files.exists(d1.resolve("manifest.sig")),
                    "signed manifest kept as the record");
            assertTrue(Files.exists(dir.resolve("evidence").resolve(p2.packageId()).resolve("scene-1.jpg")),
                    "unacknowledged never pruned");
            List<AuditEntry> audit = store.auditTrail();
            assertEquals(6, audit.size(), audit.toString());
            assertEquals(List.of(p1.packageId(), p1.packageId(), p1.packageId(), p3.packageId(), p3.packageId(),
                    p3.packageId()), audit.stream().map(AuditEntry::packageId).toList(), "oldest first");
            assertTrue(audit.stream().allMatch(a -> a.action().equals("DELETE_MEDIA")
                    && a.sha256().matches("[0-9a-f]{64}") && a.reason().contains("quota")), audit.toString());
            assertTrue(store.find(p1.packageId()).orElseThrow().mediaPrunedAt().isPresent());
            assertTrue(store.alarms().isEmpty());
        }
    }

    @Test
    void quotaFullOfUnacknowledgedEvidenceRaisesAnAlarmKeepsMetadataAndCorruptsNothing() throws Exception {
        try (SqliteEvidenceStore store = unit.openStore(new StoreSettings(60_000), CLOCK)) {
            unit.store(store, MEDIA, 1);
            unit.store(store, MEDIA, 2);
            StoreException e = assertThrows(StoreException.class, () -> unit.store(store, MEDIA, 3));
            assertTrue(e.getMessage().contains("nothing acknowledged is left to prune"), e.getMessage());
            assertEquals(StoreAlarm.QUOTA_EXHAUSTED, store.alarms().get(0).code());
            assertEquals(1, store.unstoredCount(), "the refused package's signed manifest is kept");
            assertEquals(3, store.nextLink().sequence(), "the chain is not advanced past a package not stored");
            assertEquals("ok", store.integrityCheck());
            assertTrue(store.auditTrail().isEmpty(), "nothing deleted");
            for (SqliteEvidenceStore.StoredEvidence s : store.list()) {
                assertTrue(new EvidenceVerifier().verify(s.dir(), unit.keys().getPublic()).ok(), s.packageId());
            }
            // recovery: the center acknowledges, space is freed, the next package is stored
            acknowledge(store.list().get(0).packageId());
            SignedPackage p = unit.store(store, MEDIA, 3);
            assertEquals(3, p.sequence());
        }
    }
}
