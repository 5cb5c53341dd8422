package tw.enforce.watchdog;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pets the hardware {@link Watchdog} only while the pipeline is alive: the pipeline calls
 * {@link #alive()} for every frame it finishes, and the keeper, on its own {@code watchdog} thread,
 * pets every {@code petEvery} as long as the last sign of life is at most {@code staleAfter} old. A
 * pipeline that hangs (a stuck decoder, a deadlock, a full disk blocking the store) therefore resets
 * the unit, which a timer that pets unconditionally would never do. Before the first sign of life the
 * start time counts, so a pipeline that never starts also resets the unit.
 */
public final class WatchdogKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WatchdogKeeper.class);

    private final Watchdog watchdog;
    private final Clock clock;
    private final Duration petEvery;
    private final Duration staleAfter;
    private volatile Instant lastAlive;
    private volatile Instant lastPet;
    private boolean stalledLogged;
    private ScheduledExecutorService thread;

    public WatchdogKeeper(Watchdog watchdog, Clock clock, Duration petEvery, Duration staleAfter) {
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (petEvery.isNegative() || petEvery.isZero() || staleAfter.compareTo(petEvery) < 0) {
            throw new IllegalArgumentException("watchdog: need 0 < petEvery <= staleAfter, got " + petEvery + ", "
                    + staleAfter);
        }
        this.petEvery = petEvery;
        this.staleAfter = staleAfter;
        this.lastAlive = clock.instant();
    }

    /** The pipeline is alive now: called from the pipeline thread, cheap. */
    public void alive() {
        lastAlive = clock.instant();
    }

    /** The last sign of life from the pipeline (the start time before the first). */
    public Instant lastAlive() {
        return lastAlive;
    }

    /** When the watchdog was last petted; null before the first pet. */
    public Instant lastPet() {
        return lastPet;
    }

    /** Whether the pipeline has been silent for longer than {@code staleAfter} at {@code now}. */
    public boolean stalled(Instant now) {
        return Duration.between(lastAlive, now).compareTo(staleAfter) > 0;
    }

    /** One keeper step: pets if the pipeline was alive recently enough. Returns whether it petted. */
    public synchronized boolean tick() {
        Instant now = clock.instant();
        Instant seen = lastAlive;
        if (Duration.between(seen, now).compareTo(staleAfter) > 0) {
            if (!stalledLogged) {
                stalledLogged = true;
                log.error("pipeline silent since {}: no longer petting the watchdog, the unit will reset", seen);
            }
            return false;
        }
        if (stalledLogged) {
            stalledLogged = false;
            log.warn("pipeline alive again at {}: petting the watchdog again", seen);
        }
        try {
            watchdog.pet();
            lastPet = now;
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("watchdog pet failed: {}", e.toString());
            return false;
        }
    }

    /** Starts the {@code watchdog} thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchdog");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleAtFixedRate(this::tick, 0, petEvery.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops petting and closes (disarms, where allowed) the watchdog: for a clean service stop. */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        watchdog.close();
    }
}
