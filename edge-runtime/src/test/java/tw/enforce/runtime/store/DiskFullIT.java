package tw.enforce.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.evidence.EvidenceVerifier;
import tw.enforce.runtime.evidence.TestEvidence;

/**
 * A real full disk: the evidence folders on a 4 MB tmpfs (needs root to mount; skipped otherwise,
 * the quota path in {@link RetentionTest} still runs). The database sits on the normal disk, as on
 * a unit whose media partition fills up.
 */
class DiskFullIT {
    @TempDir
    Path tmp;
    Path mount;

    static boolean run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void fullDiskRaisesAnAlarmCorruptsNothingAndRecoversWhenSpaceReturns() throws Exception {
        Path m = Files.createDirectories(tmp.resolve("media"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", m.toString()),
                "cannot mount a tmpfs here (needs root)");
        mount = m;
        TestEvidence.Unit unit = TestEvidence.Unit.create("U5", tmp.resolve("state"));
        Path evidence = m.resolve("evidence");
        try (SqliteEvidenceStore store = new SqliteEvidenceStore(unit.state().resolve("unit.db"), evidence, "U5",
                unit.keys().getPublic(), StoreSettings.UNLIMITED, Clock.systemUTC())) {
            Path filler = m.resolve("filler");
            Files.write(filler, new byte[3 * 1024 * 1024]);
            int stored = 0;
            StoreException full = null;
            for (int i = 0; i < 100 && full == null; i++) {
                try {
                    unit.store(store, 100_000, i);
                    stored++;
                } catch (StoreException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the disk filled up");
            assertTrue(store.alarms().stream().anyMatch(a -> a.code().equals(StoreAlarm.DISK_FULL)), store.alarms().toString());
            assertEquals(1, store.unstoredCount(), "metadata of the refused package kept");
            assertEquals("ok", store.integrityCheck());
            assertEquals(stored, store.list().size());
            for (SqliteEvidenceStore.StoredEvidence s : store.list()) {
                assertTrue(new EvidenceVerifier().verify(s.dir(), unit.keys().getPublic()).ok(), s.packageId());
            }
            try (var names = Files.list(evidence)) {
                assertEquals(stored, names.count(), "no half-written .incoming folder left behind");
            }
            StoreException again = assertThrows(StoreException.class, () -> unit.store(store, 100_000, 99));
            assertTrue(again.getMessage().contains("No space left"), again.getMessage());

            Files.delete(filler); // space returns
            assertEquals(stored + 1, unit.store(store, 100_000, 100).sequence());
        }
        try (SqliteEvidenceStore reopened = new SqliteEvidenceStore(unit.state().resolve("unit.db"), evidence, "U5",
                unit.keys().getPublic(), StoreSettings.UNLIMITED, Clock.systemUTC())) {
            assertTrue(reopened.alarms().stream().noneMatch(a -> a.code().equals(StoreAlarm.PACKAGE_QUARANTINED)));
        }
    }
}
