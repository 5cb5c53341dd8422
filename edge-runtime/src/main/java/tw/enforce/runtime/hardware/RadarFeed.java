package tw.enforce.runtime.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.radar.LineRadarSource;
import tw.enforce.radar.RadarHistory;
import tw.enforce.radar.RadarReading;
import tw.enforce.runtime.rule.RadarSample;

/**
 * The speed radar on the unit: a {@code radar} thread reads its serial line through
 * {@link LineRadarSource} into a {@link RadarHistory}; the pipeline asks for the readings of a
 * track's time span as {@link RadarSample}s for {@code SceneContext.radar}. When the line fails or
 * ends (device unplugged), the feed reopens it every {@code retryEvery}, forever, and reports it;
 * it never stops the pipeline.
 */
public final class RadarFeed implements AutoCloseable {

    /** Opens the radar's line; called again after a failure. */
    @FunctionalInterface
    public interface LineOpener {
        InputStream open() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(RadarFeed.class);

    private final String name;
    private final LineOpener opener;
    private final java.time.Clock clock;
    private final RadarHistory history;
    private final Duration retryEvery;
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong badLines = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong reopens = new AtomicLong();
    private volatile String state = "not started";
    private volatile boolean stopping;
    private Thread thread;

    public RadarFeed(String name, LineOpener opener, java.time.Clock clock, Duration retention, Duration retryEvery) {
        this.name = Objects.requireNonNull(name, "name");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.history = new RadarHistory(retention);
        this.retryEvery = retryEvery;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "radar");
        thread.setDaemon(true);
        thread.start();
    }

    /** The readings measured within [from, to], oldest first. */
    public List<RadarSample> between(Instant from, Instant to) {
        return history.between(from, to).stream()
                .map(r -> new RadarSample(r.measuredAt(), r.speedKmh(), r.direction().name()))
                .toList();
    }

    /** The reading nearest to {@code at} within {@code maxGap}. */
    public Optional<RadarSample> nearest(Instant at, Duration maxGap) {
        return history.nearest(at, maxGap).map(r -> new RadarSample(r.measuredAt(), r.speedKmh(), r.direction().name()));
    }

    public RadarStatus status() {
        return new RadarStatus(name, state, readings.get(), badLines.get(), lost.get(), reopens.get());
    }

    private void run() {
        while (!stopping) {
            try (LineRadarSource source = new LineRadarSource(name, opener.open(), clock)) {
                state = "reading";
                long bad0 = 0;
                long lost0 = 0;
                for (Optional<RadarReading> r = source.next(); r.isPresent() && !stopping; r = source.next()) {
                    history.add(r.get());
                    readings.incrementAndGet();
                    badLines.addAndGet(source.badLines() - bad0);
                    lost.addAndGet(source.lostReadings() - lost0);
                    bad0 = source.badLines();
                    lost0 = source.lostReadings();
                }
                if (!stopping) {
                    state = "line ended";
                    log.warn("radar {}: line ended; reopening in {}", name, retryEvery);
                }
            } catch (IOException | RuntimeException e) {
                state = "failed: " + e.getMessage();
                log.error("radar {}: {}; reopening in {}", name, e.getMessage(), retryEvery);
            }
            if (stopping || !sleep()) {
                break;
            }
            reopens.incrementAndGet();
        }
        state = "stopped";
    }

    private boolean sleep() {
        try {
            Thread.sleep(retryEvery.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the feed. The reading thread is interrupted, not its stream closed: closing a reader
     * another thread is blocked in would block here too. A serial read that ignores interrupts ends
     * with the JVM (the thread is a daemon).
     */
    @Override
    public void close() {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What {@code edgectl status} shows of the radar. */
    public record RadarStatus(String name, String state, long readings, long badLines, long lostReadings, long reopens) {
    }
}
