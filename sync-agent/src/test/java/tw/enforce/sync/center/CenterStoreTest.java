package tw.enforce.sync.center;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.protocol.Ack;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageCodec;
import tw.enforce.sync.protocol.PackageFiles;
import tw.enforce.sync.protocol.WirePackage;
import tw.enforce.sync.testing.FakeClock;
import tw.enforce.sync.testing.TestPackages;

class CenterStoreTest {
    @TempDir
    Path tmp;
    final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T08:00:00Z"));
    final KeyPair key = Ed25519Keys.generate();

    private WirePackage pkg(String id, long seq) throws Exception {
        return PackageCodec.read(TestPackages.write(tmp.resolve("unit"), "U1", id, seq, key.getPrivate()));
    }

    private static ManifestSummary manifest(WirePackage p) throws Exception {
        return ManifestSummary.parse(p.files().get(PackageFiles.MANIFEST));
    }

    @Test
    void acceptedPackageIsWrittenCompleteAndIndexed() throws Exception {
        WirePackage p = pkg("pkg-1", 7);
        try (CenterStore store = new CenterStore(tmp.resolve("center"), clock)) {
            assertEquals(Ack.Status.ACCEPTED, store.store(p, manifest(p)));

            Path folder = store.packageFolder("U1", "pkg-1");
            for (Map.Entry<String, byte[]> f : p.files().entrySet()) {
                assertArrayEquals(f.getValue(), Files.readAllBytes(folder.resolve(f.getKey())), f.getKey());
            }
            try (Stream<Path> left = Files.list(folder.getParent())) {
                assertEquals(List.of(folder), left.toList(), "no temporary folder left behind");
            }
            StoredPackage row = store.list().get(0);
            assertEquals(new StoredPackage("pkg-1", "U1", 7L, clock.instant(), StoredPackage.Status.ACCEPTED, List.of()), row);
        }
    }

    @Test
    void resendIsStoredOnceAndReportedDuplicate() throws Exception {
        WirePackage p = pkg("pkg-1", 1);
        try (CenterStore store = new CenterStore(tmp.resolve("center"), clock)) {
            store.store(p, manifest(p));
            clock.advance(Duration.ofMinutes(1));
            assertEquals(Ack.Status.DUPLICATE, store.store(p, manifest(p)));
            assertEquals(1, store.list().size());
        }
        try (CenterStore reopened = new CenterStore(tmp.resolve("center"), clock)) {
            assertEquals(Ack.Status.DUPLICATE, reopened.store(p, manifest(p)));
            assertTrue(reopened.contains("pkg-1"));
        }
    }

    @Test
    void quarantineKeepsTheFilesAndTheReasons() throws Exception {
        WirePackage p = pkg("pkg-bad", 3);
        try (CenterStore store = new CenterStore(tmp.resolve("center"), clock)) {
            Path q = store.quarantine("pkg-bad", "U1", 3L, p.files(), List.of("scene-1.jpg: hash mismatch", "x: y"));

            assertTrue(q.startsWith(tmp.resolve("center").resolve("quarantine")));
            assertEquals("scene-1.jpg: hash mismatch\nx: y\n", Files.readString(q.resolve("reason.txt")));
            assertTrue(Files.exists(q.resolve("scene-1.jpg")));
            StoredPackage row = store.list().get(0);
            assertEquals(StoredPackage.Status.REJECTED, row.status());
            assertEquals(List.of("scene-1.jpg: hash mismatch", "x: y"), row.failureReasons());
            assertTrue(!store.contains("pkg-bad"));
        }
    }

    @Test
    void listIsOldestFirstAcrossAcceptedAndRejected() throws Exception {
        try (CenterStore store = new CenterStore(tmp.resolve("center"), clock)) {
            WirePackage a = pkg("a", 1);
            store.store(a, manifest(a));
            clock.advance(Duration.ofSeconds(1));
            store.quarantine(null, null, null, Map.of("payload.bin", new byte[] {1}), List.of("bad magic"));
            clock.advance(Duration.ofSeconds(1));
            WirePackage b = pkg("b", 2);
            store.store(b, manifest(b));

            List<StoredPackage> all = store.list();
            assertEquals("a", all.get(0).packageId());
            assertEquals(null, all.get(1).packageId());
            assertEquals(null, all.get(1).sequence());
            assertEquals("b", all.get(2).packageId());
        }
    }
}
