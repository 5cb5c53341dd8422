package tw.enforce.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live camera that is reopened, forever, whenever it is lost: {@link #next()} blocks through the
 * outage, retrying with exponential backoff (initial delay doubling up to the maximum), and returns
 * the next frame once the camera is back. It never throws for a lost camera, so one camera's thread
 * cannot take the others down; it returns empty only after {@link #close()} (from any thread, which
 * also ends a backoff wait at once). A live source that reports end of stream is taken as lost too.
 *
 * <p>Frames keep one increasing sequence across reconnects (an inner source starts again at 0).
 * Dropped-frame accounting counts gaps in the inner sequence and, for an outage, the frame slots that
 * the measured frame rate says were missed. {@link #status()} may be called from any thread.
 */
public final class ReconnectingFrameSource implements FrameSource {

    /** Opens the underlying source; called again after each loss. */
    @FunctionalInterface
    public interface Opener {
        FrameSource open() throws FrameSourceException;
    }

    /** Waits between attempts; returns early (false) when woken by close. */
    @FunctionalInterface
    public interface Backoff {
        boolean await(Duration delay) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(ReconnectingFrameSource.class);

    private final String cameraId;
    private final Opener opener;
    private final Clock clock;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Backoff backoff;
    private FrameSource current;
    private long sequenceOffset;
    private long lastInner = -1;
    private long lastSequence = -1;
    private Instant lastFrameAt;
    private Duration nextDelay;
    private boolean everOpened;
    private volatile CaptureStatus status;
    private volatile boolean closed;
    private volatile boolean reading;

    /** Backoff waits on the wall clock, ended early by {@link #close()}. */
    public ReconnectingFrameSource(String cameraId, Opener opener, Clock clock, Duration initialDelay, Duration maxDelay) {
        this(cameraId, opener, clock, initialDelay, maxDelay, null);
    }

    /** With an injected wait, for tests and simulations that must not sleep. */
    public ReconnectingFrameSource(String cameraId, Opener opener, Clock clock, Duration initialDelay, Duration maxDelay,
                                   Backoff backoff) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("camera " + cameraId + ": need 0 < initial backoff <= max backoff, got "
                    + initialDelay + ", " + maxDelay);
        }
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.nextDelay = initialDelay;
        this.backoff = backoff != null ? backoff : d -> !closing.await(d.toNanos(), TimeUnit.NANOSECONDS);
        this.status = new CaptureStatus(cameraId, false, 0, 0, 0, null, clock.instant(), 0, 0, 0);
    }

    @Override
    public Optional<Frame> next() {
        reading = true;
        try {
            return read();
        } finally {
            reading = false;
            if (closed) {
                closeCurrent();
            }
        }
    }

    private Optional<Frame> read() {
        while (!closed) {
            if (current == null && !reopen()) {
                continue;
            }
            try {
                Optional<Frame> frame = current.next();
                if (frame.isPresent()) {
                    return Optional.of(delivered(frame.get()));
                }
                lost("end of stream from a live source");
            } catch (FrameSourceException | RuntimeException e) {
                lost(e.getMessage() != null ? e.getMessage() : e.toString());
            }
        }
        return Optional.empty();
    }

    private boolean reopen() {
        try {
            current = opener.open();
            CaptureStatus s = status;
            long reconnects = everOpened ? s.reconnects() + 1 : 0;
            everOpened = true;
            if (s.downSince() != null && s.measuredFps() > 0) {
                double missed = Duration.between(s.downSince(), clock.instant()).toNanos() / 1e9 * s.measuredFps();
                s = withDropped(s, s.dropped() + Math.round(missed));
            }
            status = new CaptureStatus(cameraId, true, s.delivered(), s.dropped(), reconnects, s.lastError(), null,
                    s.width(), s.height(), s.measuredFps());
            sequenceOffset = lastSequence + 1;
            lastInner = -1;
            nextDelay = initialDelay;
            if (reconnects > 0) {
                log.info("camera {}: reconnected (reconnect #{})", cameraId, reconnects);
            }
            return true;
        } catch (FrameSourceException | RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            CaptureStatus s = status;
            status = new CaptureStatus(cameraId, false, s.delivered(), s.dropped(), s.reconnects(), why,
                    s.downSince() != null ? s.downSince() : clock.instant(), s.width(), s.height(), s.measuredFps());
            log.warn("camera {}: cannot open, retrying in {} ms: {}", cameraId, nextDelay.toMillis(), why);
            waitBeforeRetry();
            return false;
        }
    }

    private void lost(String why) {
        log.warn("camera {}: lost ({}); reconnecting", cameraId, why);
        closeCurrent();
        lastFrameAt = null; // the outage is not a frame interval
        CaptureStatus s = status;
        status = new CaptureStatus(cameraId, false, s.delivered(), s.dropped(), s.reconnects(), why, clock.instant(),
                s.width(), s.height(), s.measuredFps());
        waitBeforeRetry();
    }

    private void waitBeforeRetry() {
        Duration delay = nextDelay;
        nextDelay = nextDelay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : nextDelay.multipliedBy(2);
        try {
            backoff.await(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private Frame delivered(Frame inner) {
        long gap = lastInner >= 0 ? inner.sequence() - lastInner - 1 : 0;
        lastInner = inner.sequence();
        long sequence = sequenceOffset + inner.sequence();
        lastSequence = sequence;
        double fps = status.measuredFps();
        if (lastFrameAt != null && inner.capturedAt().isAfter(lastFrameAt)) {
            double instant = 1e9 / Duration.between(lastFrameAt, inner.capturedAt()).toNanos();
            fps = fps == 0 ? instant : 0.9 * fps + 0.1 * instant;
        }
        lastFrameAt = inner.capturedAt();
        CaptureStatus s = status;
        status = new CaptureStatus(cameraId, true, s.delivered() + 1, s.dropped() + Math.max(0, gap), s.reconnects(),
                s.lastError(), null, inner.width(), inner.height(), fps);
        return new Frame(cameraId, sequence, inner.capturedAt(), inner.width(), inner.height(), inner.bgr());
    }

    private static CaptureStatus withDropped(CaptureStatus s, long dropped) {
        return new CaptureStatus(s.cameraId(), s.connected(), s.delivered(), dropped, s.reconnects(), s.lastError(),
                s.downSince(), s.width(), s.height(), s.measuredFps());
    }

    public CaptureStatus status() {
        return status;
    }

    @Override
    public String cameraId() {
        return cameraId;
    }

    @Override
    public long corruptFrames() {
        FrameSource c = current;
        return c != null ? c.corruptFrames() : 0;
    }

    /**
     * Ends a blocked {@link #next()} (it returns empty) and closes the underlying source: at once when
     * no read is in progress, else on the reading thread when its read returns (never under it).
     */
    @Override
    public void close() {
        closed = true;
        closing.countDown();
        if (!reading) {
            closeCurrent();
        }
    }

    private synchronized void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                log.debug("camera {}: close failed: {}", cameraId, e.toString());
            }
            current = null;
        }
    }
}
