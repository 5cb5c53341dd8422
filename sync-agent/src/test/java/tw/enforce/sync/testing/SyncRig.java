package tw.enforce.sync.testing;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tw.enforce.sync.center.CenterReceiver;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.center.UnitKeyRegistry;
import tw.enforce.sync.mqtt.PahoTransport;
import tw.enforce.sync.mqtt.SyncService;
import tw.enforce.sync.mqtt.SyncSettings;
import tw.enforce.sync.mqtt.TransportSettings;
import tw.enforce.sync.mqtt.UnitStatus;
import tw.enforce.sync.outbox.OutboxEntry;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.outbox.SqliteOutbox;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageFiles;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tw.enforce.sync.protocol.Topics;

/**
 * One unit (outbox + sync service) and one center receiver wired against a broker, as the demo will
 * wire them, with timings shortened for tests. Each rig uses its own topic prefix so rigs sharing a
 * broker cannot see each other's traffic.
 */
public final class SyncRig implements AutoCloseable {
    public final String unitId;
    public final Topics topics;
    public final KeyPair unitKey = Ed25519Keys.generate();
    public final Path packagesDir;
    public final SqliteOutbox outbox;
    public final PahoTransport unitTransport;
    public final SyncService sync;
    public final UnitKeyRegistry keys = new UnitKeyRegistry();
    public final CenterStore store;
    public PahoTransport centerTransport;
    public CenterReceiver receiver;
    private final TransportSettings centerLink;
    private final Map<Long, String> chain = new ConcurrentHashMap<>();
    private final String name;

    public SyncRig(Path dir, String brokerUri, String name) throws Exception {
        this(dir, brokerUri, brokerUri, name);
    }

    /** The unit reaches the broker at {@code unitUri} (a proxy, say), the center at {@code centerUri}. */
    public SyncRig(Path dir, String unitUri, String centerUri, String name) throws Exception {
        this(dir, TransportSettings.of(unitUri, "unit-" + name), TransportSettings.of(centerUri, "center-" + name), name);
    }

    /** Links as given (TLS, say), with test timings; the unit's carries its offline status as last will. */
    public SyncRig(Path dir, TransportSettings unitLink, TransportSettings centerLink, String name) throws Exception {
        this(dir, unitLink, centerLink, name, s -> s);
    }

    /** As above, with the unit's sync settings adjusted by {@code tweak}. */
    public SyncRig(Path dir, TransportSettings unitLink, TransportSettings centerLink, String name,
                   java.util.function.UnaryOperator<SyncSettings> tweak) throws Exception {
        this.centerLink = centerLink;
        this.name = name;
        unitId = "U-" + name;
        topics = new Topics("it-" + name + "/enforce/v1/");
        packagesDir = dir.resolve("unit-packages");
        outbox = new SqliteOutbox(dir.resolve("unit.db"), Clock.systemUTC());
        unitTransport = new PahoTransport(fast(unitLink.withWill(UnitStatus.will(topics.status(unitId), unitId))));
        sync = new SyncService(outbox, unitTransport, topics, unitId, tweak.apply(SyncSettings.defaults()
                .withResendAfter(Duration.ofSeconds(2)).withIdlePoll(Duration.ofMillis(100))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))));
        keys.register(unitId, unitKey.getPublic());
        store = new CenterStore(dir.resolve("center"), Clock.systemUTC());
        centerTransport = new PahoTransport(fast(centerLink));
        receiver = new CenterReceiver(centerTransport, topics, "center", keys, store, Clock.systemUTC());
    }

    private static TransportSettings fast(TransportSettings s) {
        // a broker still starting accepts TCP but answers CONNECT late: do not wait 10 s for it
        return s.withMaxReconnectDelay(Duration.ofSeconds(1)).withPublishTimeout(Duration.ofSeconds(10))
                .withConnectTimeout(Duration.ofSeconds(2));
    }

    public void startCenter() {
        receiver.start();
    }

    /** A center process started again after a crash: same client id (same broker session), same store. */
    public CenterReceiver restartCenter() throws Exception {
        centerTransport.close();
        centerTransport = new PahoTransport(fast(centerLink));
        receiver = new CenterReceiver(centerTransport, topics, "center", keys, store, Clock.systemUTC());
        receiver.start();
        return receiver;
    }

    public void startUnit() {
        sync.start();
    }

    /** Writes a signed package and enqueues it as the runtime does: inside a transaction of its own connection. */
    public Path enqueueSigned(String packageId, long sequence) throws Exception {
        String previous = sequence == 1 ? ManifestSummary.GENESIS : chain.get(sequence - 1);
        if (previous == null) {
            previous = TestPackages.previousIn(packagesDir, unitId, sequence);
        }
        Path dir = TestPackages.write(packagesDir, unitId, packageId, sequence, previous, unitKey.getPrivate(),
                TestPackages.scenes(packageId, sequence));
        chain.put(sequence, PackageFiles.sha256Hex(Files.readAllBytes(dir.resolve(PackageFiles.MANIFEST))));
        outbox.enqueue(new OutboxEntry(packageId, unitId, dir, 0, Instant.now(), OutboxState.STORED, 0));
        sync.nudge();
        return dir;
    }

    @Override
    public void close() {
        sync.stop();
        unitTransport.close();
        outbox.close();
        centerTransport.close();
        store.close();
    }
}
