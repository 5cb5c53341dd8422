package tw.enforce.runtime.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameSource;
import tw.enforce.camera.FrameSourceException;
import tw.enforce.runtime.config.SiteConfigLoader.LoadedSite;
import tw.enforce.runtime.diag.StatusReport;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.hardware.UnitHardware;
import tw.enforce.runtime.signal.SignalHistory;
import tw.enforce.sync.outbox.Outbox;
import tw.enforce.sync.outbox.OutboxException;
import tw.enforce.sync.outbox.OutboxState;

/**
 * A running unit: pulls frames from its camera through the pipeline on one named thread, and
 * answers for its state. {@link #runToEnd()} runs on the caller's thread (replays, the simulator);
 * {@link #start()} runs in the background (the service).
 */
public final class UnitRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UnitRuntime.class);
    private final LoadedSite site;
    private final FrameSource source;
    private final EnforcementPipeline pipeline;
    private final PipelineStats stats;
    private final SignalHistory signals;
    private final FrameRing ring;
    private final Outbox outbox;
    private final String detector;
    private final Clock clock;
    private final Instant startedAt;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile String state = "starting";
    private volatile boolean stopping;
    private Thread thread;

    private final java.util.List<AutoCloseable> owned;
    private final UnitHardware hardware;

    /** {@code owned} are closed, in order, after the pipeline and the hardware have stopped. */
    public UnitRuntime(LoadedSite site, FrameSource source, EnforcementPipeline pipeline, PipelineStats stats,
                       SignalHistory signals, FrameRing ring, Outbox outbox, String detector, Clock clock,
                       UnitHardware hardware, AutoCloseable... owned) {
        this.hardware = hardware;
        this.owned = java.util.List.of(owned);
        this.site = site;
        this.source = source;
        this.pipeline = pipeline;
        this.stats = stats;
        this.signals = signals;
        this.ring = ring;
        this.outbox = outbox;
        this.detector = detector;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public synchronized void start() {
        hardware.start();
        thread = new Thread(this::runToEnd, "pipeline");
        thread.start();
    }

    /** Processes frames until the source ends, fails or {@link #close()} is called. */
    public void runToEnd() {
        state = "running";
        try {
            while (!stopping) {
                Optional<Frame> f = source.next();
                if (f.isEmpty()) {
                    log.info("camera {} stream ended after {} frames", source.cameraId(), stats.frames.get());
                    pipeline.endOfStream(clock.instant());
                    break;
                }
                hardware.frameArrived(f.get());
                pipeline.process(f.get());
                hardware.frameDone();
            }
            state = stopping ? "stopped" : "ended";
        } catch (FrameSourceException e) {
            state = "camera-fault";
            log.error("camera {} failed: {}", source.cameraId(), e.getMessage());
        } finally {
            ended.countDown();
        }
    }

    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    public StatusReport status() {
        Map<String, Long> box = new TreeMap<>();
        try {
            for (Map.Entry<OutboxState, Long> e : outbox.countByState().entrySet()) {
                box.put(e.getKey().name().toLowerCase(), e.getValue());
            }
        } catch (OutboxException e) {
            box.put("error", -1L);
            log.warn("status: outbox unreadable: {}", e.getMessage());
        }
        return new StatusReport(site.config().unit().id(), site.config().unit().site(), state, startedAt, clock.instant(),
                detector, signals.current().name(), signals.currentSince(), stats.frames.get(), source.corruptFrames(),
                stats.detections.get(), stats.detectorErrors.get(), stats.violations.get(), stats.evidenceStored.get(),
                stats.casesWithoutFrames.get(), stats.storeFailures.get(), ring.size(), ring.bytes(), box,
                hardware.status());
    }

    public UnitHardware hardware() {
        return hardware;
    }

    public PipelineStats stats() {
        return stats;
    }

    @Override
    public void close() {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        source.close();
        hardware.close();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {}: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
