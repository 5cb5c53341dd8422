package tw.enforce.sync.center;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.sync.center.Received.Outcome;
import tw.enforce.sync.mqtt.Transport;
import tw.enforce.sync.mqtt.TransportException;
import tw.enforce.sync.protocol.Ack;
import tw.enforce.sync.protocol.Chunk;
import tw.enforce.sync.protocol.MalformedMessageException;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageCodec;
import tw.enforce.sync.protocol.PackageFiles;
import tw.enforce.sync.protocol.PackageVerifier;
import tw.enforce.sync.protocol.Topics;
import tw.enforce.sync.protocol.Verification;
import tw.enforce.sync.protocol.WirePackage;

/**
 * The reference center: takes violations from the shared subscription (receivers in one share group
 * split the units' traffic), decodes, verifies against the unit's key, stores durably and only then
 * acks on the unit's ack topic. Whatever a message holds, the receiver logs it and carries on; no
 * ack is sent when storing failed or the unit is unknown, so the unit's resend gets another chance.
 */
public final class CenterReceiver {
    private static final Logger log = LoggerFactory.getLogger(CenterReceiver.class);

    private final Transport transport;
    private final Topics topics;
    private final String shareGroup;
    private final UnitKeyRegistry keys;
    private final CenterStore store;
    private final Clock clock;
    private final PackageVerifier verifier = new PackageVerifier();
    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private final List<Consumer<Received>> listeners = new CopyOnWriteArrayList<>();
    private final ChunkAssembler chunks;

    public CenterReceiver(Transport transport, Topics topics, String shareGroup, UnitKeyRegistry keys,
                          CenterStore store, Clock clock) {
        this.transport = transport;
        this.topics = topics;
        this.shareGroup = shareGroup;
        this.keys = keys;
        this.store = store;
        this.clock = clock;
        try {
            this.chunks = new ChunkAssembler(store.spoolDir());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the chunk spool " + store.spoolDir(), e);
        }
        topics.sharedViolationFilter(shareGroup);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
    }

    /** Subscribes and starts the transport (which keeps reconnecting); the transport is the caller's to close. */
    public void start() {
        transport.subscribe(topics.sharedViolationFilter(shareGroup), this::onMessage);
        transport.start();
        log.info("center receiver will take violations from {}", topics.sharedViolationFilter(shareGroup));
    }

    /** Called on the transport's inbound thread for every message handled, before its ack is sent. */
    public void addListener(Consumer<Received> listener) {
        listeners.add(listener);
    }

    public synchronized Map<Outcome, Long> counts() {
        return new EnumMap<>(counts);
    }

    /** Waits until at least {@code n} packages were accepted (stored new) by this receiver; false on timeout. */
    public synchronized boolean awaitAccepted(long n, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (counts.get(Outcome.ACCEPTED) < n) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** An outcome and the ack it calls for (null: none); counted and announced before the ack goes out. */
    private record Handled(Received received, Ack ack) {
    }

    void onMessage(String topic, byte[] payload) {
        Handled h = handle(topic, payload);
        Received r = h.received();
        synchronized (this) {
            counts.merge(r.outcome(), 1L, Long::sum);
            notifyAll();
        }
        for (Consumer<Received> l : listeners) {
            try {
                l.accept(r);
            } catch (RuntimeException e) {
                log.warn("receiver listener failed: {}", e.toString());
            }
        }
        if (h.ack() != null) {
            sendAck(r.unitId(), h.ack());
        }
    }

    private Handled handle(String topic, byte[] payload) {
        Optional<String> topicUnit = topics.unitIdOf(topic);
        WirePackage pkg;
        try {
            if (topicUnit.isEmpty()) {
                throw new MalformedMessageException("topic " + topic + " names no valid unit");
            }
            if (Chunk.isChunk(payload)) {
                Chunk c = Chunk.decode(payload);
                if (!c.unitId().equals(topicUnit.get())) {
                    throw new MalformedMessageException("chunk of unit " + c.unitId() + " sent on the topic of unit "
                            + topicUnit.get());
                }
                if (keys.find(c.unitId()).isEmpty()) {
                    // spool nothing for strangers: the unit resends once it is registered
                    return new Handled(new Received(topic, c.packageId(), c.unitId(), Outcome.UNKNOWN_UNIT,
                            "no key for unit " + c.unitId()), null);
                }
                Optional<byte[]> whole = chunks.accept(c);
                if (whole.isEmpty()) {
                    return new Handled(new Received(topic, c.packageId(), c.unitId(), Outcome.CHUNK_KEPT,
                            "chunk " + (c.index() + 1) + " of " + c.count()), null);
                }
                payload = whole.get();
            }
            pkg = PackageCodec.decode(payload);
        } catch (IOException e) {
            log.error("chunk on {} not kept, no ack: {}", topic, e.getMessage());
            return new Handled(new Received(topic, null, topicUnit.orElse(null), Outcome.STORE_FAILED, e.getMessage()), null);
        } catch (MalformedMessageException e) {
            log.warn("malformed message on {} ({} bytes): {}", topic, payload.length, e.getMessage());
            quarantine(null, topicUnit.orElse(null), null, Map.of("payload.bin", payload), List.of(e.getMessage()));
            return new Handled(new Received(topic, null, topicUnit.orElse(null), Outcome.MALFORMED, e.getMessage()), null);
        }
        String unitId = topicUnit.get();
        Optional<PublicKey> key = keys.find(unitId);
        if (key.isEmpty()) {
            log.warn("package {} on {} from unregistered unit {}: not acked", pkg.packageId(), topic, unitId);
            return new Handled(new Received(topic, pkg.packageId(), unitId, Outcome.UNKNOWN_UNIT,
                    "no key for unit " + unitId), null);
        }
        Verification v = verifier.verify(pkg, key.get());
        if (!pkg.unitId().equals(unitId)) {
            v = new Verification(concat(v, "envelope unitId " + pkg.unitId() + " sent on the topic of unit " + unitId));
        }
        if (!v.ok()) {
            log.warn("package {} of unit {} rejected: {}", pkg.packageId(), unitId, v.summary());
            return reject(topic, unitId, pkg, Outcome.REJECTED, v.summary(),
                    v.failures().stream().map(Object::toString).toList());
        }
        try {
            ManifestSummary manifest = ManifestSummary.parse(pkg.files().get(PackageFiles.MANIFEST));
            Ack.Status status = store.store(pkg, manifest);
            return new Handled(new Received(topic, pkg.packageId(), unitId,
                    status == Ack.Status.ACCEPTED ? Outcome.ACCEPTED : Outcome.DUPLICATE, ""),
                    new Ack(pkg.packageId(), status, "", clock.instant()));
        } catch (ChainBrokenException e) {
            log.error("ALARM chain of unit {} broken by package {}: {}", unitId, pkg.packageId(), e.getMessage());
            return reject(topic, unitId, pkg, Outcome.CHAIN_BROKEN, e.getMessage(), List.of(e.getMessage()));
        } catch (IOException | MalformedMessageException e) {
            log.error("package {} of unit {} verified but not stored, no ack: {}", pkg.packageId(), unitId, e.getMessage());
            return new Handled(new Received(topic, pkg.packageId(), unitId, Outcome.STORE_FAILED, e.getMessage()), null);
        }
    }

    private Handled reject(String topic, String unitId, WirePackage pkg, Outcome outcome, String summary,
                           List<String> reasons) {
        Long sequence = null;
        try {
            sequence = ManifestSummary.parse(pkg.files().getOrDefault(PackageFiles.MANIFEST, new byte[0])).sequence();
        } catch (MalformedMessageException e) {
            // the failure list already says so
        }
        boolean kept = quarantine(pkg.packageId(), unitId, sequence, pkg.files(), reasons);
        return new Handled(new Received(topic, pkg.packageId(), unitId, outcome, summary),
                kept ? new Ack(pkg.packageId(), Ack.Status.REJECTED, summary, clock.instant()) : null);
    }

    private boolean quarantine(String packageId, String unitId, Long sequence, Map<String, byte[]> files,
                               List<String> reasons) {
        try {
            store.quarantine(packageId, unitId, sequence, files, reasons);
            return true;
        } catch (IOException e) {
            log.error("cannot quarantine {} of unit {}: {}", packageId, unitId, e.getMessage());
            return false;
        }
    }

    private static List<Verification.Failure> concat(Verification v, String detail) {
        List<Verification.Failure> all = new ArrayList<>(v.failures());
        all.add(new Verification.Failure(PackageFiles.MANIFEST,
                Verification.Check.UNIT_MISMATCH, detail));
        return all;
    }

    private void sendAck(String unitId, Ack ack) {
        try {
            transport.publish(topics.ack(unitId), ack.toJson());
            log.debug("acked {} to unit {}: {}", ack.packageId(), unitId, ack.status());
        } catch (TransportException e) {
            log.warn("ack {} for package {} of unit {} not sent ({}); the unit will resend", ack.status(),
                    ack.packageId(), unitId, e.getMessage());
        }
    }
}
