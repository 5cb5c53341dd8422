package tw.enforce.sync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import tw.enforce.sync.center.CenterReceiver;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.center.Received.Outcome;
import tw.enforce.sync.center.StoredPackage;
import tw.enforce.sync.center.UnitKeyRegistry;
import tw.enforce.sync.mqtt.PahoTransport;
import tw.enforce.sync.mqtt.SyncService;
import tw.enforce.sync.mqtt.SyncSettings;
import tw.enforce.sync.mqtt.TransportSettings;
import tw.enforce.sync.outbox.OutboxEntry;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.outbox.SqliteOutbox;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageCodec;
import tw.enforce.sync.protocol.Topics;
import tw.enforce.sync.testing.CuttingProxy;
import tw.enforce.sync.testing.Mosquitto;
import tw.enforce.sync.testing.SyncRig;
import tw.enforce.sync.testing.TestPackages;

/**
 * Figures for issue 6 against a real Mosquitto, each with its baseline measured in the same run:
 * {@code outage [N] [outageSeconds]}, {@code crash [N]}, {@code throughput [N] [kB]},
 * {@code backlog [N]}, {@code fleet [units] [perUnit]}. Prints one line per figure.
 */
public final class SyncBench {
    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        Path binary = Mosquitto.binary().orElseThrow(() -> new IllegalStateException(Mosquitto.MISSING));
        Path work = Files.createTempDirectory("sync-bench");
        String what = args.length > 0 ? args[0] : "throughput";
        switch (what) {
            case "outage" -> outage(binary, work, arg(args, 1, 1000), arg(args, 2, 60));
            case "crash" -> crash(binary, work, arg(args, 1, 1000));
            case "throughput" -> throughput(binary, work, arg(args, 1, 300), arg(args, 2, 200));
            case "backlog" -> backlog(binary, work, arg(args, 1, 10_000));
            case "fleet" -> fleet(binary, work, arg(args, 1, 200), arg(args, 2, 5));
            default -> throw new IllegalArgumentException("unknown bench '" + what + "': outage|crash|throughput|backlog|fleet");
        }
        System.exit(0);
    }

    private static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }

    static void outage(Path binary, Path work, int n, int outageSeconds) throws Exception {
        try (Mosquitto broker = new Mosquitto(binary, work.resolve("mosquitto")).start();
             CuttingProxy link = new CuttingProxy(broker.port());
             SyncRig rig = new SyncRig(work, link.uri(), broker.uri(), "outage")) {
            link.cutEvery(150_000);
            rig.startCenter();
            rig.startUnit();
            long t0 = System.nanoTime();
            for (int i = 1; i <= n / 4; i++) {
                rig.enqueueSigned(id(i), i);
            }
            while (rig.outbox.countByState().get(OutboxState.ACKNOWLEDGED) < n / 8) {
                Thread.sleep(20);
            }
            broker.stop();
            long down = System.nanoTime();
            for (int i = n / 4 + 1; i <= n; i++) {
                rig.enqueueSigned(id(i), i);
            }
            Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(outageSeconds) - (System.nanoTime() - down) / 1_000_000));
            broker.start();
            long up = System.nanoTime();
            boolean idle = rig.sync.awaitIdle(Duration.ofMinutes(10));
            long t1 = System.nanoTime();
            report("outage", rig, n, idle, t0, t1);
            System.out.printf("outage: broker down %.1f s, drained %.1f s after it came back, proxy cuts %d%n",
                    (up - down) / 1e9, (t1 - up) / 1e9, link.cuts());
        }
    }

    static void crash(Path binary, Path work, int n) throws Exception {
        try (Mosquitto broker = new Mosquitto(binary, work.resolve("mosquitto")).start();
             SyncRig rig = new SyncRig(work, broker.uri(), "crash")) {
            PahoTransport firstLink = rig.centerTransport;
            java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CompletableFuture<Void> crashed = new java.util.concurrent.CompletableFuture<>();
            rig.receiver.addListener(r -> {
                if (r.outcome() == Outcome.ACCEPTED && accepted.incrementAndGet() == n / 3) {
                    new Thread(() -> {
                        firstLink.close();
                        crashed.complete(null);
                    }).start();
                    while (firstLink.isConnected()) {
                        Thread.onSpinWait();
                    }
                }
            });
            rig.startCenter();
            rig.startUnit();
            long t0 = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                rig.enqueueSigned(id(i), i);
            }
            crashed.get(5, TimeUnit.MINUTES);
            CenterReceiver second = rig.restartCenter();
            boolean idle = rig.sync.awaitIdle(Duration.ofMinutes(10));
            report("crash", rig, n, idle, t0, System.nanoTime());
            System.out.printf("crash: restarted receiver acked %d duplicates of packages stored before the crash%n",
                    second.counts().get(Outcome.DUPLICATE));
        }
    }

    private static void report(String name, SyncRig rig, int n, boolean idle, long t0, long t1) throws Exception {
        List<StoredPackage> all = rig.store.list();
        long accepted = all.stream().filter(p -> p.status() == StoredPackage.Status.ACCEPTED).count();
        long distinct = all.stream().filter(p -> p.status() == StoredPackage.Status.ACCEPTED)
                .map(StoredPackage::packageId).distinct().count();
        long attempts = 0;
        for (int i = 1; i <= n; i++) {
            attempts += rig.outbox.find(id(i)).orElseThrow().attempts();
        }
        System.out.printf("%s: %d packages, drained=%s in %.1f s; center holds %d accepted (%d distinct, %d missing, "
                        + "%d quarantined); unit publishes %d (%d resends); outbox %s%n",
                name, n, idle, (t1 - t0) / 1e9, accepted, distinct, n - distinct, all.size() - accepted, attempts,
                attempts - n, rig.outbox.countByState());
    }

    /** 200 kB packages: agent (disk, encode, QoS 1, outbox) against raw Paho QoS 1 publishes of the same bytes. */
    static void throughput(Path binary, Path work, int n, int kb) throws Exception {
        try (Mosquitto broker = new Mosquitto(binary, work.resolve("mosquitto")).start();
             SyncRig rig = new SyncRig(work, broker.uri(), "tput")) {
            List<byte[]> envelopes = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            String previous = ManifestSummary.GENESIS;
            Random random = new Random(1);
            for (int i = 1; i <= n; i++) {
                byte[] media = new byte[kb * 1024];
                random.nextBytes(media);
                Map<String, byte[]> files = new LinkedHashMap<>();
                files.put("scene.jpg", media);
                Path dir = TestPackages.write(rig.packagesDir, rig.unitId, id(i), i, previous, rig.unitKey.getPrivate(), files);
                previous = tw.enforce.sync.protocol.PackageFiles.sha256Hex(Files.readAllBytes(dir.resolve("manifest.json")));
                dirs.add(dir);
                envelopes.add(PackageCodec.encode(dir));
            }
            rawPaho(broker.uri(), rig.topics.violation(rig.unitId) + "-raw", envelopes.subList(0, Math.min(50, n)));
            double rawBefore = rawPaho(broker.uri(), rig.topics.violation(rig.unitId) + "-raw", envelopes);
            for (int i = 0; i < n; i++) {
                rig.outbox.enqueue(new OutboxEntry(id(i + 1), rig.unitId, dirs.get(i), 0, java.time.Instant.now(),
                        OutboxState.STORED, 0));
            }
            long t0 = System.nanoTime();
            rig.startUnit();
            while (rig.sync.stats().published() < n) {
                Thread.sleep(2);
            }
            double agent = n / ((System.nanoTime() - t0) / 1e9);
            rig.sync.stop();
            double rawAfter = rawPaho(broker.uri(), rig.topics.violation(rig.unitId) + "-raw", envelopes);
            double raw = Math.max(rawBefore, rawAfter);
            System.out.printf("throughput: %d packages of %d kB to Mosquitto, QoS 1, one at a time: raw Paho %.1f/s "
                    + "(before) %.1f/s (after), agent (read folder, encode, publish, outbox update) %.1f/s = %.1f MB/s; "
                    + "ratio to the better raw run %.2f%n", n, kb, rawBefore, rawAfter, agent,
                    agent * envelopes.get(0).length / 1e6, agent / raw);
        }
    }

    private static double rawPaho(String uri, String topic, List<byte[]> payloads) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri, "raw-paho", new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        c.connect(o).waitForCompletion(10_000);
        long t0 = System.nanoTime();
        for (byte[] p : payloads) {
            MqttMessage m = new MqttMessage(p);
            m.setQos(1);
            c.publish(topic, m).waitForCompletion(30_000);
        }
        double rate = payloads.size() / ((System.nanoTime() - t0) / 1e9);
        c.disconnect().waitForCompletion(5000);
        c.close();
        return rate;
    }

    /** A backlog built up offline, then drained end to end (acked by the center). */
    static void backlog(Path binary, Path work, int n) throws Exception {
        try (Mosquitto broker = new Mosquitto(binary, work.resolve("mosquitto")).start();
             SyncRig rig = new SyncRig(work, broker.uri(), "backlog")) {
            for (int i = 1; i <= n; i++) {
                rig.enqueueSigned(id(i), i);
            }
            long bytes;
            try (var s = Files.walk(rig.packagesDir)) {
                bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            rig.startCenter();
            long t0 = System.nanoTime();
            rig.startUnit();
            boolean idle = rig.sync.awaitIdle(Duration.ofMinutes(30));
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("backlog: %d packages (%.1f MB) drained=%s in %.1f s = %.0f packages/s end to end%n",
                    n, bytes / 1e6, idle, s, n / s);
        }
    }

    /** Many units, one broker, two receivers in one share group. */
    static void fleet(Path binary, Path work, int units, int perUnit) throws Exception {
        Topics topics = new Topics("fleet/enforce/v1/");
        UnitKeyRegistry keys = new UnitKeyRegistry();
        try (Mosquitto broker = new Mosquitto(binary, work.resolve("mosquitto"), "max_connections -1").start();
             CenterStore store1 = new CenterStore(work.resolve("center"), Clock.systemUTC());
             CenterStore store2 = new CenterStore(work.resolve("center"), Clock.systemUTC());
             PahoTransport c1 = new PahoTransport(TransportSettings.of(broker.uri(), "center-1"));
             PahoTransport c2 = new PahoTransport(TransportSettings.of(broker.uri(), "center-2"))) {
            CenterReceiver r1 = new CenterReceiver(c1, topics, "center", keys, store1, Clock.systemUTC());
            CenterReceiver r2 = new CenterReceiver(c2, topics, "center", keys, store2, Clock.systemUTC());
            Files.createDirectories(work.resolve("units"));
            List<SqliteOutbox> outboxes = new ArrayList<>();
            List<PahoTransport> links = new ArrayList<>();
            List<SyncService> services = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                String unit = String.format("U%04d", u);
                var key = Ed25519Keys.generate();
                keys.register(unit, key.getPublic());
                SqliteOutbox outbox = new SqliteOutbox(work.resolve("units").resolve(unit + ".db"), Clock.systemUTC());
                Path root = work.resolve("units").resolve(unit);
                for (int i = 1; i <= perUnit; i++) {
                    String pid = unit + "-" + i;
                    Path dir = TestPackages.write(root, unit, pid, i, key.getPrivate());
                    outbox.enqueue(new OutboxEntry(pid, unit, dir, 0, java.time.Instant.now(), OutboxState.STORED, 0));
                }
                PahoTransport link = new PahoTransport(TransportSettings.of(broker.uri(), "unit-" + unit)
                        .withMaxReconnectDelay(Duration.ofSeconds(2)));
                outboxes.add(outbox);
                links.add(link);
                services.add(new SyncService(outbox, link, topics, unit, SyncSettings.defaults()
                        .withIdlePoll(Duration.ofMillis(200)).withResendAfter(Duration.ofSeconds(30))));
            }
            r1.start();
            r2.start();
            c1.awaitConnected(Duration.ofSeconds(30));
            c2.awaitConnected(Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            services.forEach(SyncService::start);
            int total = units * perUnit;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (r1.counts().get(Outcome.ACCEPTED) + r2.counts().get(Outcome.ACCEPTED) < total
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            long a1 = r1.counts().get(Outcome.ACCEPTED);
            long a2 = r2.counts().get(Outcome.ACCEPTED);
            System.out.printf("fleet: %d units x %d packages = %d in %.1f s = %.0f messages/s; receiver 1 stored %d, "
                    + "receiver 2 stored %d (%.0f%% / %.0f%%); center holds %d%n", units, perUnit, total, s, total / s,
                    a1, a2, 100.0 * a1 / total, 100.0 * a2 / total, store1.list().size());
            services.forEach(SyncService::stop);
            links.forEach(PahoTransport::close);
            outboxes.forEach(SqliteOutbox::close);
        }
    }

    static String id(int i) {
        return String.format("pkg-%05d", i);
    }
}
