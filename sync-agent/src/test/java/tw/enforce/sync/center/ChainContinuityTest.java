package tw.enforce.sync.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
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

class ChainContinuityTest {
    @TempDir
    Path tmp;
    final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T08:00:00Z"));
    final KeyPair key = Ed25519Keys.generate();

    private WirePackage pkg(String id, long seq, String previous) throws Exception {
        return PackageCodec.read(TestPackages.write(tmp.resolve("unit"), "U1", id, seq, previous, key.getPrivate(),
                TestPackages.scenes(id, seq)));
    }

    private WirePackage chained(String id, long seq) throws Exception {
        return PackageCodec.read(TestPackages.write(tmp.resolve("unit"), "U1", id, seq, key.getPrivate()));
    }

    private static Ack.Status store(CenterStore s, WirePackage p) throws Exception {
        return s.store(p, ManifestSummary.parse(p.files().get(PackageFiles.MANIFEST)));
    }

    @Test
    void packageNamingAnotherPreviousManifestThanItsPredecessorsIsABrokenChain() throws Exception {
        try (CenterStore s = new CenterStore(tmp.resolve("center"), clock)) {
            assertEquals(Ack.Status.ACCEPTED, store(s, chained("p1", 1)));
            WirePackage forged = pkg("p2", 2, "ab".repeat(32));

            ChainBrokenException e = assertThrows(ChainBrokenException.class, () -> store(s, forged));

            assertTrue(e.getMessage().contains("sequence 1 (p1)"), e.getMessage());
            assertFalse(s.contains("p2"), "nothing stored for a broken link");
        }
    }

    @Test
    void secondPackageClaimingATakenSequenceIsABrokenChain() throws Exception {
        try (CenterStore s = new CenterStore(tmp.resolve("center"), clock)) {
            store(s, chained("p1", 1));
            WirePackage twin = pkg("p1-twin", 1, ManifestSummary.GENESIS);

            ChainBrokenException e = assertThrows(ChainBrokenException.class, () -> store(s, twin));

            assertTrue(e.getMessage().contains("already held by package p1"), e.getMessage());
        }
    }

    @Test
    void latePredecessorThatDoesNotHashToItsSuccessorsLinkIsABrokenChain() throws Exception {
        try (CenterStore s = new CenterStore(tmp.resolve("center"), clock)) {
            WirePackage p1 = chained("p1", 1);
            WirePackage p2 = chained("p2", 2);
            WirePackage other1 = pkg("other-1", 1, ManifestSummary.GENESIS); // not what p2 names
            assertEquals(Ack.Status.ACCEPTED, store(s, p2));

            assertThrows(ChainBrokenException.class, () -> store(s, other1));
            assertEquals(Ack.Status.ACCEPTED, store(s, p1), "the true predecessor still fits");
        }
    }

    @Test
    void firstPackageMustNameTheGenesisHash() throws Exception {
        try (CenterStore s = new CenterStore(tmp.resolve("center"), clock)) {
            assertThrows(ChainBrokenException.class, () -> store(s, pkg("p1", 1, "cd".repeat(32))));
        }
    }

    @Test
    void outOfOrderArrivalLeavesAGapUntilTheMissingPackagesArrive() throws Exception {
        try (CenterStore s = new CenterStore(tmp.resolve("center"), clock)) {
            WirePackage p1 = chained("p1", 1);
            WirePackage p2 = chained("p2", 2);
            WirePackage p3 = chained("p3", 3);
            WirePackage p4 = chained("p4", 4);
            store(s, p1);
            store(s, p4);
            assertEquals(List.of(new ChainGap("U1", 2, 3)), s.gaps());

            store(s, p3);
            assertEquals(List.of(new ChainGap("U1", 2, 2)), s.gaps());
            store(s, p2);
            assertEquals(List.of(), s.gaps());
        }
    }
}
