package tw.enforce.sync.mqtt;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.sync.outbox.Outbox;
import tw.enforce.sync.outbox.OutboxEntry;
import tw.enforce.sync.outbox.OutboxException;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.protocol.Ack;
import tw.enforce.sync.protocol.Chunk;
import tw.enforce.sync.protocol.MalformedMessageException;
import tw.enforce.sync.protocol.PackageCodec;
import tw.enforce.sync.protocol.Topics;

/**
 * Drains the outbox to the center on one thread, "sync-drain": take the due entries, encode each
 * package folder, publish it (QoS 1) and mark it sent; the center's ack on the unit's ack topic
 * settles it. Nothing leaves the outbox on a failure: an unreachable broker leaves entries STORED,
 * a lost ack leaves them SENT until {@code resendAfter}, and both are retried with backoff. A package
 * folder that is gone or does not follow the contract can never be sent, so it is marked REJECTED
 * locally (with the reason) rather than retried forever.
 */
public final class SyncService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final Outbox outbox;
    private final Transport transport;
    private final Topics topics;
    private final String unitId;
    private final SyncSettings settings;
    private final Object wake = new Object();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final AtomicLong chunksPublished = new AtomicLong();
    /** Where each chunked transfer stopped: its envelope hash and the first chunk the broker has not confirmed. */
    private final Map<String, Resume> resume = new java.util.HashMap<>();

    private record Resume(String sha256, int next) {
    }
    private final DrainPacer pacer;
    private final java.util.Random jitter = new java.util.Random();
    private volatile boolean running;
    private volatile boolean statusDue;
    private final ViolationCounts violations = new ViolationCounts();
    private long nextStatsAt = System.nanoTime();
    private Thread drain;

    public SyncService(Outbox outbox, Transport transport, Topics topics, String unitId, SyncSettings settings) {
        this.outbox = outbox;
        this.transport = transport;
        this.topics = topics;
        this.unitId = unitId;
        this.settings = settings;
        this.pacer = new DrainPacer(settings.bandwidthBytesPerSecond(), settings.messagesPerSecond());
        topics.ack(unitId); // validates the unit id now rather than on the drain thread
    }

    /** Subscribes to the unit's acks, starts the transport and the drain thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        transport.subscribe(topics.ack(unitId), this::onAck);
        transport.addConnectionListener(connected -> {
            if (connected) {
                statusDue = true; // published from the drain thread: never block a transport callback
                nudge();
            }
        });
        transport.start();
        drain = new Thread(this::drainLoop, "sync-drain");
        drain.start();
        log.info("sync of unit {} started", unitId);
    }

    /** Stops the drain thread (an in-flight publish finishes or times out first); the transport is the caller's to close. */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = drain;
            drain = null;
        }
        if (t != null) {
            nudge();
            try {
                t.join(settings.maxBackoff().toMillis() + 35_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (transport.isConnected()) {
                publishStatus(UnitStatus.OFFLINE); // a clean stop sends no will
            }
            log.info("sync of unit {} stopped: {}", unitId, stats());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Look for due entries now instead of at the next poll. */
    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    public SyncStats stats() {
        return new SyncStats(transport.isConnected(), published.get(), acknowledged.get(), rejected.get(),
                publishFailures.get(), chunksPublished.get());
    }

    /** Waits until no entry is STORED or SENT (all acknowledged or rejected); false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException, OutboxException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<OutboxState, Long> counts = outbox.countByState();
            if (counts.get(OutboxState.STORED) == 0 && counts.get(OutboxState.SENT) == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    private void drainLoop() {
        long backoffMs = settings.minBackoff().toMillis();
        while (running) {
            boolean failed;
            int sent = 0;
            try {
                if (!transport.isConnected()) {
                    pause(settings.idlePoll().toMillis());
                    continue;
                }
                if (statusDue) {
                    publishStatus(UnitStatus.ONLINE);
                }
                if (!settings.statsEvery().isZero() && System.nanoTime() - nextStatsAt >= 0) {
                    publishStats();
                }
                List<OutboxEntry> due = outbox.due(settings.batchSize(), settings.resendAfter().toMillis());
                failed = false;
                for (OutboxEntry e : due) {
                    if (!running || !send(e)) {
                        failed = running;
                        break;
                    }
                    sent++;
                }
                if (due.isEmpty()) {
                    pause(settings.idlePoll().toMillis());
                }
            } catch (OutboxException e) {
                log.warn("outbox unavailable: {}", e.getMessage());
                failed = true;
            } catch (RuntimeException e) {
                log.error("unexpected failure in the drain loop", e);
                failed = true;
            }
            if (failed) {
                pause(backoffMs / 2 + (long) (jitter.nextDouble() * backoffMs / 2));
                backoffMs = Math.min(backoffMs * 2, settings.maxBackoff().toMillis());
            } else if (sent > 0) {
                backoffMs = settings.minBackoff().toMillis();
            }
        }
    }

    private void publishStatus(String state) {
        try {
            transport.publish(topics.status(unitId), UnitStatus.json(unitId, state, java.time.Instant.now()), true);
            statusDue = false;
            log.info("unit {} status {}", unitId, state);
        } catch (TransportException e) {
            log.info("status {} of unit {} not published ({}); will retry", state, unitId, e.getMessage());
        }
    }

    /** False when the publish failed and the loop should back off. */
    private boolean send(OutboxEntry e) throws OutboxException {
        byte[] envelope;
        try {
            envelope = PackageCodec.encode(e.packageDir());
        } catch (NoSuchFileException | MalformedMessageException ex) {
            log.error("package {} of unit {} cannot be sent, marking it rejected locally: {}", e.packageId(), e.unitId(),
                    ex.getMessage());
            outbox.markRejected(e.packageId(), "unit: package folder unusable: " + ex.getMessage());
            rejected.incrementAndGet();
            return true;
        } catch (IOException ex) {
            log.warn("cannot read package {} from {}: {}", e.packageId(), e.packageDir(), ex.toString());
            return false;
        }
        if (settings.chunkBytes() > 0 && envelope.length > settings.chunkBytes()) {
            if (!sendChunks(e, envelope)) {
                return false;
            }
            markPublished(e, envelope.length);
            return true;
        }
        waitNanos(pacer.reserve(envelope.length, System.nanoTime()));
        if (!running) {
            return false;
        }
        try {
            // always this unit's topic: the center rejects an envelope whose unit differs, and that
            // reject reaches us on our ack topic instead of the entry being resent forever
            transport.publish(topics.violation(unitId), envelope);
        } catch (TransportException ex) {
            publishFailures.incrementAndGet();
            log.info("package {} not published ({}); kept for retry", e.packageId(), ex.getMessage());
            return false;
        }
        markPublished(e, envelope.length);
        return true;
    }

    private void publishStats() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("unitId", unitId);
        m.put("at", java.time.Instant.now().toString());
        SyncStats s = stats();
        m.put("sync", Map.of("published", s.published(), "acknowledged", s.acknowledged(), "rejected", s.rejected(),
                "publishFailures", s.publishFailures(), "chunksPublished", s.chunksPublished()));
        try {
            Map<String, Long> byState = new java.util.TreeMap<>();
            outbox.countByState().forEach((k, v) -> byState.put(k.name(), v));
            m.put("outbox", byState);
        } catch (OutboxException e) {
            m.put("outbox", "unavailable: " + e.getMessage());
        }
        m.put("violations", violations.snapshot());
        try {
            transport.publish(topics.stats(unitId), tw.enforce.sync.protocol.CanonicalJson.write(m));
            nextStatsAt = System.nanoTime() + settings.statsEvery().toNanos();
        } catch (TransportException e) {
            log.info("stats of unit {} not published ({}); will retry", unitId, e.getMessage());
        }
    }

    private void markPublished(OutboxEntry e, int bytes) throws OutboxException {
        if (e.attempts() == 0) {
            try {
                violations.add(java.nio.file.Files.readAllBytes(e.packageDir().resolve(
                        tw.enforce.sync.protocol.PackageFiles.MANIFEST)));
            } catch (IOException ex) {
                log.debug("no manifest for the stats of {}: {}", e.packageId(), ex.toString());
            }
        }
        outbox.markSent(e.packageId());
        published.incrementAndGet();
        log.info("published package {} of unit {} ({} bytes, attempt {})", e.packageId(), e.unitId(), bytes,
                e.attempts() + 1);
    }

    /**
     * Publishes the chunks the broker has not confirmed yet, paced one by one; false when the link
     * failed (the next attempt resumes at the failed chunk). A finished transfer forgets its place,
     * so a resend after a lost ack starts over: the center may have lost pieces with a broker.
     */
    private boolean sendChunks(OutboxEntry e, byte[] envelope) {
        List<Chunk> pieces = Chunk.split(e.packageId(), unitId, envelope, settings.chunkBytes());
        String sha = pieces.get(0).sha256();
        Resume at = resume.get(e.packageId());
        int start = at != null && at.sha256().equals(sha) ? at.next() : 0;
        if (start > 0) {
            log.info("package {}: resuming at chunk {} of {}", e.packageId(), start + 1, pieces.size());
        }
        for (int i = start; i < pieces.size(); i++) {
            byte[] message = pieces.get(i).encode();
            waitNanos(pacer.reserve(message.length, System.nanoTime()));
            if (!running) {
                resume.put(e.packageId(), new Resume(sha, i));
                return false;
            }
            try {
                transport.publish(topics.violation(unitId), message);
                chunksPublished.incrementAndGet();
            } catch (TransportException ex) {
                publishFailures.incrementAndGet();
                resume.put(e.packageId(), new Resume(sha, i));
                log.info("package {}: chunk {} of {} not published ({}); will resume there", e.packageId(), i + 1,
                        pieces.size(), ex.getMessage());
                return false;
            }
        }
        resume.remove(e.packageId());
        return true;
    }

    private void onAck(String topic, byte[] payload) throws OutboxException {
        Ack ack;
        try {
            ack = Ack.fromJson(payload);
        } catch (MalformedMessageException e) {
            log.warn("ignoring malformed ack on {}: {}", topic, e.getMessage());
            return;
        }
        if (ack.status().delivered()) {
            if (outbox.markAcknowledged(ack.packageId())) {
                acknowledged.incrementAndGet();
                log.info("package {} acknowledged by the center ({})", ack.packageId(), ack.status());
            } else {
                log.debug("ack for unknown package {}", ack.packageId());
            }
        } else {
            if (outbox.markRejected(ack.packageId(), ack.reason())) {
                rejected.incrementAndGet();
            }
            log.warn("package {} of unit {} rejected by the center: {}", ack.packageId(), unitId, ack.reason());
        }
    }

    /** Sleeps the pacer's wait out; a nudge does not cut it short, a stop does. */
    private void waitNanos(long nanos) {
        long until = System.nanoTime() + nanos;
        while (running && until - System.nanoTime() > 0) {
            pause(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        }
    }

    private void pause(long millis) {
        synchronized (wake) {
            if (running) {
                try {
                    wake.wait(Math.max(1, millis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}
