package tw.enforce.sync.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.center.CenterReceiver;
import tw.enforce.sync.center.Received.Outcome;
import tw.enforce.sync.center.StoredPackage;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.testing.CuttingProxy;
import tw.enforce.sync.testing.Mosquitto;
import tw.enforce.sync.testing.SyncRig;

/**
 * Store and forward against a real Mosquitto: the broker is stopped and started again while packages
 * are being sent, the unit's link is cut in the middle of MQTT packets, and the center crashes between
 * storing a package and acking it. The center must end up with every package exactly once.
 * {@code SyncOutageBench} runs the full size (1,000 packages, 60 s outage).
 */
class MosquittoOutageIT {
    static final int PACKAGES = 200;
    static final Duration OUTAGE = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    Path binary;

    @BeforeEach
    void needMosquitto() {
        binary = Mosquitto.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, Mosquitto.MISSING);
    }

    @Test
    void everyPackageArrivesExactlyOnceThroughABrokerOutageAndLinkCutsMidMessage() throws Exception {
        try (Mosquitto broker = new Mosquitto(binary, tmp.resolve("mosquitto")).start();
             CuttingProxy link = new CuttingProxy(broker.port());
             SyncRig rig = new SyncRig(tmp, link.uri(), broker.uri(), "outage")) {
            link.cutEvery(150_000); // ~15 packages per connection, then a cut inside the next one
            rig.startCenter();
            rig.startUnit();
            for (int i = 1; i <= PACKAGES / 4; i++) {
                rig.enqueueSigned(id(i), i);
            }
            awaitAcknowledged(rig, PACKAGES / 8);

            broker.stop();
            for (int i = PACKAGES / 4 + 1; i <= PACKAGES; i++) {
                rig.enqueueSigned(id(i), i);
            }
            Thread.sleep(OUTAGE.toMillis());
            broker.start();

            assertTrue(rig.sync.awaitIdle(Duration.ofSeconds(120)), "not drained: " + rig.outbox.countByState());
            assertExactlyOnce(rig, PACKAGES);
            assertTrue(link.cuts() > 0, "the proxy never cut the link");
        }
    }

    @Test
    void centerCrashingAfterStoringButBeforeAckingLosesNothingAndStoresNothingTwice() throws Exception {
        int n = PACKAGES / 2;
        try (Mosquitto broker = new Mosquitto(binary, tmp.resolve("mosquitto")).start();
             SyncRig rig = new SyncRig(tmp, broker.uri(), "crash")) {
            AtomicInteger accepted = new AtomicInteger();
            AtomicReference<String> crashedOn = new AtomicReference<>();
            AtomicReference<CompletableFuture<Void>> crash = new AtomicReference<>();
            CenterReceiver first = rig.receiver;
            PahoTransport firstLink = rig.centerTransport;
            first.addListener(r -> {
                // listeners run after the package is stored and before its ack: the crash point
                if (r.outcome() == Outcome.ACCEPTED && accepted.incrementAndGet() == n / 3) {
                    crashedOn.set(r.packageId());
                    crash.set(CompletableFuture.runAsync(firstLink::close));
                    waitUntilDown(firstLink);
                }
            });
            rig.startCenter();
            rig.startUnit();
            for (int i = 1; i <= n; i++) {
                rig.enqueueSigned(id(i), i);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (crash.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(crash.get() != null, "the center never reached the crash point");
            crash.get().get(10, TimeUnit.SECONDS);
            CenterReceiver second = rig.restartCenter();

            assertTrue(rig.sync.awaitIdle(Duration.ofSeconds(90)), "not drained: " + rig.outbox.countByState());
            assertExactlyOnce(rig, n);
            assertTrue(second.counts().get(Outcome.DUPLICATE) >= 1,
                    "the package stored but not acked (" + crashedOn.get() + ") was never resent: " + second.counts());
        }
    }

    static void assertExactlyOnce(SyncRig rig, int n) throws Exception {
        List<StoredPackage> all = rig.store.list();
        List<StoredPackage> accepted = all.stream().filter(p -> p.status() == StoredPackage.Status.ACCEPTED).toList();
        assertEquals(n, accepted.size(), "accepted packages");
        assertEquals(n, all.size(), "nothing quarantined: " + all.stream()
                .filter(p -> p.status() != StoredPackage.Status.ACCEPTED).toList());
        Set<Long> sequences = accepted.stream().map(StoredPackage::sequence).collect(Collectors.toSet());
        assertEquals(LongStream.rangeClosed(1, n).boxed().collect(Collectors.toSet()), sequences);
        assertEquals(n, accepted.stream().map(StoredPackage::packageId).distinct().count(), "distinct ids");
        assertEquals((long) n, rig.outbox.countByState().get(OutboxState.ACKNOWLEDGED));
    }

    private static void awaitAcknowledged(SyncRig rig, long n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (rig.outbox.countByState().get(OutboxState.ACKNOWLEDGED) < n) {
            assertTrue(System.nanoTime() < deadline, "never got " + n + " acks: " + rig.outbox.countByState());
            Thread.sleep(20);
        }
    }

    private static void waitUntilDown(PahoTransport link) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (link.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the closing transport stops its inbound thread
        }
    }

    static String id(int i) {
        return String.format("pkg-%05d", i);
    }
}
