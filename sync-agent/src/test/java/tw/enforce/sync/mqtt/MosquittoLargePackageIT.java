package tw.enforce.sync.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.time.Clock;
import tw.enforce.sync.center.CenterReceiver;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.center.Received.Outcome;
import tw.enforce.sync.outbox.OutboxEntry;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.testing.CuttingProxy;
import tw.enforce.sync.testing.Mosquitto;
import tw.enforce.sync.testing.SyncRig;
import tw.enforce.sync.testing.TestPackages;

/** Large packages in resumable chunks, and the drain's bandwidth cap, against a real Mosquitto. */
class MosquittoLargePackageIT {
    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path tmp;
    Path binary;

    @BeforeEach
    void needMosquitto() {
        binary = Mosquitto.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, Mosquitto.MISSING);
    }

    @Test
    void largePackageCrossesALinkThatDropsEveryFewChunksByResumingWhereItStopped() throws Exception {
        try (Mosquitto broker = new Mosquitto(binary, tmp.resolve("mosquitto")).start();
             CuttingProxy link = new CuttingProxy(broker.port());
             SyncRig rig = new SyncRig(tmp, TransportSettings.of(link.uri(), "unit-big"),
                     TransportSettings.of(broker.uri(), "center-big"), "big", s -> s.withChunkBytes(CHUNK))) {
            // the link never carries more than 300 kB: a 2 MB package only gets through by resuming
            link.cutEvery(300_000);
            byte[] video = new byte[2 * 1024 * 1024];
            new Random(7).nextBytes(video);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("clip.mp4", video);
            Path dir = TestPackages.write(rig.packagesDir, rig.unitId, "pkg-big", 1, ManifestSummary.GENESIS,
                    rig.unitKey.getPrivate(), files);
            rig.outbox.enqueue(new OutboxEntry("pkg-big", rig.unitId, dir, 0, java.time.Instant.now(), OutboxState.STORED, 0));
            rig.startCenter();
            rig.startUnit();

            assertTrue(rig.sync.awaitIdle(Duration.ofSeconds(90)), "not delivered: " + rig.outbox.countByState());

            assertEquals(OutboxState.ACKNOWLEDGED, rig.outbox.find("pkg-big").orElseThrow().state());
            assertArrayEquals(video, Files.readAllBytes(rig.store.packageFolder(rig.unitId, "pkg-big").resolve("clip.mp4")));
            assertEquals(1L, rig.receiver.counts().get(Outcome.ACCEPTED), "verified and stored once");
            int chunks = (int) Math.ceil((video.length + 1000.0) / CHUNK);
            assertTrue(link.cuts() >= 5, "cuts " + link.cuts());
            assertTrue(rig.sync.stats().chunksPublished() < chunks + 2 * link.cuts(),
                    "resumed, not restarted: " + rig.sync.stats().chunksPublished() + " chunk publishes for " + chunks
                            + " chunks and " + link.cuts() + " cuts");
        }
    }

    @Test
    void chunksSplitBetweenTwoReceiversSharingTheStoreAreAssembledAndStoredOnce() throws Exception {
        try (Mosquitto broker = new Mosquitto(binary, tmp.resolve("mosquitto")).start();
             SyncRig rig = new SyncRig(tmp, TransportSettings.of(broker.uri(), "unit-split"),
                     TransportSettings.of(broker.uri(), "center-split"), "split", s -> s.withChunkBytes(16 * 1024));
             CenterStore secondStore = new CenterStore(tmp.resolve("center"), Clock.systemUTC());
             PahoTransport secondLink = new PahoTransport(TransportSettings.of(broker.uri(), "center-split-2"))) {
            CenterReceiver second = new CenterReceiver(secondLink, rig.topics, "center", rig.keys, secondStore,
                    Clock.systemUTC());
            rig.startCenter();
            second.start();
            assertTrue(rig.centerTransport.awaitConnected(Duration.ofSeconds(10)) && secondLink.awaitConnected(Duration.ofSeconds(10)));
            byte[] media = new byte[400 * 1024];
            new Random(9).nextBytes(media);
            Path dir = TestPackages.write(rig.packagesDir, rig.unitId, "pkg-split", 1, ManifestSummary.GENESIS,
                    rig.unitKey.getPrivate(), Map.of("clip.mp4", media));
            rig.outbox.enqueue(new OutboxEntry("pkg-split", rig.unitId, dir, 0, java.time.Instant.now(), OutboxState.STORED, 0));
            rig.startUnit();

            assertTrue(rig.sync.awaitIdle(Duration.ofSeconds(30)), "not delivered: " + rig.outbox.countByState());

            long kept1 = rig.receiver.counts().get(Outcome.CHUNK_KEPT);
            long kept2 = second.counts().get(Outcome.CHUNK_KEPT);
            assertTrue(kept1 > 0 && kept2 > 0, "chunks not split between receivers: " + kept1 + " / " + kept2);
            assertEquals(1L, rig.receiver.counts().get(Outcome.ACCEPTED) + second.counts().get(Outcome.ACCEPTED));
            assertEquals(1, rig.store.list().size());
            assertArrayEquals(media, Files.readAllBytes(rig.store.packageFolder(rig.unitId, "pkg-split").resolve("clip.mp4")));
        }
    }

    @Test
    void bandwidthCapHoldsTheDrainToItsRate() throws Exception {
        long cap = 400_000;
        try (Mosquitto broker = new Mosquitto(binary, tmp.resolve("mosquitto")).start();
             SyncRig rig = new SyncRig(tmp, TransportSettings.of(broker.uri(), "unit-cap"),
                     TransportSettings.of(broker.uri(), "center-cap"), "cap",
                     s -> s.withChunkBytes(CHUNK).withLimits(cap, 0))) {
            byte[] media = new byte[1024 * 1024];
            new Random(8).nextBytes(media);
            Path dir = TestPackages.write(rig.packagesDir, rig.unitId, "pkg-cap", 1, ManifestSummary.GENESIS,
                    rig.unitKey.getPrivate(), Map.of("clip.mp4", media));
            rig.startCenter();
            rig.startUnit();
            assertTrue(rig.unitTransport.awaitConnected(Duration.ofSeconds(10)));
            long t0 = System.nanoTime();
            rig.outbox.enqueue(new OutboxEntry("pkg-cap", rig.unitId, dir, 0, java.time.Instant.now(), OutboxState.STORED, 0));
            rig.sync.nudge();

            assertTrue(rig.sync.awaitIdle(Duration.ofSeconds(30)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double floor = (media.length - CHUNK) / (double) cap; // the first chunk goes at once
            assertTrue(seconds >= floor, "1 MB under a " + cap + " B/s cap took only " + seconds + " s");
            assertTrue(seconds < floor + 5, "far slower than the cap: " + seconds + " s");
        }
    }
}
