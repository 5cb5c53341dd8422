package tw.enforce.sync.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.time.Clock;
import tw.enforce.sync.broker.EmbeddedBroker;
import tw.enforce.sync.center.CenterReceiver;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.center.Received.Outcome;
import tw.enforce.sync.center.StoredPackage;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.protocol.PackageCodec;
import tw.enforce.sync.protocol.PackageFiles;
import tw.enforce.sync.testing.SyncRig;
import tw.enforce.sync.testing.TestPackages;

/** Unit outbox → Paho → HiveMQ over TCP → center receiver → ack → outbox, all real. */
class SyncEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path brokerDir;
    static EmbeddedBroker broker;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedBroker(brokerDir);
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void signedPackagesAreVerifiedStoredAndAcknowledged() throws Exception {
        try (SyncRig rig = new SyncRig(tmp, broker.uri(), "three")) {
            rig.startCenter();
            rig.startUnit();
            for (int i = 1; i <= 3; i++) {
                rig.enqueueSigned("pkg-000" + i, i);
            }

            assertTrue(rig.sync.awaitIdle(WAIT), "outbox not drained: " + rig.outbox.countByState());

            assertEquals(3L, rig.outbox.countByState().get(OutboxState.ACKNOWLEDGED));
            List<StoredPackage> stored = rig.store.list();
            assertEquals(3, stored.size());
            assertTrue(stored.stream().allMatch(p -> p.status() == StoredPackage.Status.ACCEPTED));
            assertEquals(List.of(1L, 2L, 3L), stored.stream().map(StoredPackage::sequence).sorted().toList());
            Path folder = rig.store.packageFolder(rig.unitId, "pkg-0002");
            assertTrue(Files.exists(folder.resolve("scene-1.jpg")));
            assertEquals(3L, rig.sync.stats().acknowledged());
        }
    }

    @Test
    void resentPackageIsStoredOnceAndAckedAsDuplicate() throws Exception {
        try (SyncRig rig = new SyncRig(tmp, broker.uri(), "dup")) {
            rig.startCenter();
            rig.startUnit();
            Path dir = rig.enqueueSigned("pkg-dup", 1);
            assertTrue(rig.sync.awaitIdle(WAIT));

            rig.unitTransport.publish(rig.topics.violation(rig.unitId), PackageCodec.encode(dir));
            assertTrue(waitFor(() -> rig.receiver.counts().get(Outcome.DUPLICATE) == 1), "no duplicate seen");

            assertEquals(1, rig.store.list().size());
            assertEquals(1L, rig.receiver.counts().get(Outcome.ACCEPTED));
            assertEquals(OutboxState.ACKNOWLEDGED, rig.outbox.find("pkg-dup").orElseThrow().state());
        }
    }

    @Test
    void tamperedPackageIsQuarantinedAndRejectedWithTheReason() throws Exception {
        try (SyncRig rig = new SyncRig(tmp, broker.uri(), "tamper")) {
            rig.startCenter();
            rig.startUnit();
            Path dir = rig.enqueueSigned("pkg-good", 1);
            Path bad = rig.packagesDir.resolve("pkg-bad");
            Files.createDirectories(bad);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.copy(f, bad.resolve(f.getFileName()));
                }
            }
            Path m = bad.resolve(PackageFiles.MANIFEST);
            Files.writeString(m, Files.readString(m).replace("pkg-good", "pkg-bad"));
            rig.outbox.enqueue(new tw.enforce.sync.outbox.OutboxEntry("pkg-bad", rig.unitId, bad, 0,
                    java.time.Instant.now(), OutboxState.STORED, 0));

            assertTrue(rig.sync.awaitIdle(WAIT), "outbox not settled: " + rig.outbox.countByState());

            assertEquals(OutboxState.REJECTED, rig.outbox.find("pkg-bad").orElseThrow().state());
            assertTrue(rig.outbox.rejectReason("pkg-bad").orElseThrow().contains("bad signature"),
                    rig.outbox.rejectReason("pkg-bad").orElseThrow());
            assertEquals(OutboxState.ACKNOWLEDGED, rig.outbox.find("pkg-good").orElseThrow().state());
            StoredPackage rejected = rig.store.list().stream()
                    .filter(p -> p.status() == StoredPackage.Status.REJECTED).findFirst().orElseThrow();
            assertEquals("pkg-bad", rejected.packageId());
        }
    }

    @Test
    void signedPackageBreakingTheChainIsQuarantinedRejectedAndCountedAsAlarm() throws Exception {
        try (SyncRig rig = new SyncRig(tmp, broker.uri(), "chain")) {
            rig.startCenter();
            rig.startUnit();
            rig.enqueueSigned("pkg-c1", 1);
            assertTrue(rig.sync.awaitIdle(WAIT));
            Path forged = TestPackages.write(rig.packagesDir, rig.unitId, "pkg-c2", 2, "ab".repeat(32),
                    rig.unitKey.getPrivate(), TestPackages.scenes("pkg-c2", 2));
            rig.outbox.enqueue(new tw.enforce.sync.outbox.OutboxEntry("pkg-c2", rig.unitId, forged, 0,
                    java.time.Instant.now(), OutboxState.STORED, 0));

            assertTrue(rig.sync.awaitIdle(WAIT), "outbox not settled: " + rig.outbox.countByState());

            assertEquals(OutboxState.REJECTED, rig.outbox.find("pkg-c2").orElseThrow().state());
            assertTrue(rig.outbox.rejectReason("pkg-c2").orElseThrow().startsWith("chain:"),
                    rig.outbox.rejectReason("pkg-c2").orElseThrow());
            assertEquals(1L, rig.receiver.counts().get(Outcome.CHAIN_BROKEN));
            assertFalse(rig.store.contains("pkg-c2"));
            assertEquals(StoredPackage.Status.REJECTED, rig.store.list().stream()
                    .filter(p -> "pkg-c2".equals(p.packageId())).findFirst().orElseThrow().status());
        }
    }

    @Test
    void malformedMessagesDoNotStopTheReceiver() throws Exception {
        try (SyncRig rig = new SyncRig(tmp, broker.uri(), "garbage")) {
            rig.startCenter();
            rig.startUnit();
            assertTrue(rig.unitTransport.awaitConnected(WAIT));
            assertTrue(rig.centerTransport.awaitConnected(WAIT));
            String topic = rig.topics.violation(rig.unitId);
            rig.unitTransport.publish(topic, "not an envelope".getBytes(StandardCharsets.UTF_8));
            rig.unitTransport.publish(topic, new byte[0]);
            assertTrue(waitFor(() -> rig.receiver.counts().get(Outcome.MALFORMED) == 2), "malformed not counted");

            rig.enqueueSigned("pkg-after", 1);
            assertTrue(rig.sync.awaitIdle(WAIT));
            assertEquals(OutboxState.ACKNOWLEDGED, rig.outbox.find("pkg-after").orElseThrow().state());
            Map<Outcome, Long> counts = rig.receiver.counts();
            assertEquals(1L, counts.get(Outcome.ACCEPTED));
            try (Stream<Path> q = Files.list(tmp.resolve("center").resolve("quarantine"))) {
                assertEquals(2, q.count());
            }
        }
    }

    @Test
    void packageSentBeforeAnyCenterListensIsResentUntilAcknowledged() throws Exception {
        try (SyncRig rig = new SyncRig(tmp, broker.uri(), "resend")) {
            rig.startUnit();
            rig.enqueueSigned("pkg-early", 1);
            assertTrue(waitFor(() -> rig.outbox.find("pkg-early").orElseThrow().state() == OutboxState.SENT));

            rig.startCenter();

            assertTrue(rig.sync.awaitIdle(WAIT), "not delivered: " + rig.outbox.countByState());
            var entry = rig.outbox.find("pkg-early").orElseThrow();
            assertEquals(OutboxState.ACKNOWLEDGED, entry.state());
            assertTrue(entry.attempts() >= 2, "attempts " + entry.attempts());
            assertEquals(1, rig.store.list().size());
        }
    }

    @Test
    void receiversInOneShareGroupSplitTheLoadAndStoreEachPackageOnce() throws Exception {
        try (SyncRig rig = new SyncRig(tmp, broker.uri(), "shared");
             CenterStore secondStore = new CenterStore(tmp.resolve("center"), Clock.systemUTC());
             PahoTransport secondLink = new PahoTransport(TransportSettings.of(broker.uri(), "center-shared-2"))) {
            CenterReceiver second = new CenterReceiver(secondLink, rig.topics, "center", rig.keys, secondStore,
                    Clock.systemUTC());
            rig.startCenter();
            second.start();
            assertTrue(rig.centerTransport.awaitConnected(WAIT) && secondLink.awaitConnected(WAIT));
            rig.startUnit();
            int n = 12;
            for (int i = 1; i <= n; i++) {
                rig.enqueueSigned("pkg-s" + i, i);
            }

            assertTrue(rig.sync.awaitIdle(WAIT), "not delivered: " + rig.outbox.countByState());

            long first = rig.receiver.counts().get(Outcome.ACCEPTED);
            long other = second.counts().get(Outcome.ACCEPTED);
            assertEquals(n, first + other, "each package accepted exactly once");
            assertTrue(first > 0 && other > 0, "load not shared: " + first + " / " + other);
            assertEquals(n, rig.store.list().size());
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static boolean waitFor(Condition c) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (c.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return c.holds();
    }
}
