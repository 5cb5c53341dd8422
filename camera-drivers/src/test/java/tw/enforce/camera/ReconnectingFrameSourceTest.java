package tw.enforce.camera;

import tw.enforce.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.opencv.OpenCvFrameSource;

class ReconnectingFrameSourceTest {

    private static final Duration FRAME = Duration.ofMillis(100);
    private final ManualClock clock = new ManualClock(TestFrames.T0);
    private final List<Duration> waits = new ArrayList<>();

    /** A backoff that does not sleep: it records the delay and moves the clock on by it. */
    private boolean fakeWait(Duration d) {
        waits.add(d);
        clock.advance(d);
        return true;
    }

    /** A camera that yields frames with the given inner sequence numbers, 100 ms apart, then fails. */
    private FrameSource camera(long... sequences) {
        Deque<Long> left = new ArrayDeque<>();
        for (long s : sequences) {
            left.add(s);
        }
        return new FrameSource() {
            @Override
            public Optional<Frame> next() throws FrameSourceException {
                if (left.isEmpty()) {
                    throw new FrameSourceException("camera cam-r: device /dev/video0 gone");
                }
                clock.advance(FRAME);
                return Optional.of(new Frame("inner", left.poll(), clock.instant(), 4, 2, new byte[24]));
            }

            @Override
            public String cameraId() {
                return "inner";
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void cameraLostMidStreamIsReopenedWithBackoffAndSequenceKeepsIncreasing() {
        Deque<Object> opens = new ArrayDeque<>(List.of(camera(0, 1, 2, 3, 4),
                new FrameSourceException("cannot open /dev/video0"), new FrameSourceException("cannot open /dev/video0"),
                camera(0, 1, 2)));
        ReconnectingFrameSource source = new ReconnectingFrameSource("cam-r", () -> {
            Object next = opens.poll();
            if (next instanceof FrameSourceException e) {
                throw e;
            }
            return (FrameSource) next;
        }, clock, Duration.ofSeconds(1), Duration.ofSeconds(30), this::fakeWait);

        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sequences.add(source.next().orElseThrow().sequence());
        }

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), sequences);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
        CaptureStatus status = source.status();
        assertTrue(status.connected());
        assertEquals(1, status.reconnects());
        assertEquals(8, status.delivered());
        assertEquals(70, status.dropped(), "7 s down at a measured 10 fps");
        assertEquals(10.0, status.measuredFps(), 0.5);
        assertEquals(4, status.width());
        assertTrue(status.lastError().contains("/dev/video0"), status.lastError());
    }

    @Test
    void cameraThatNeverOpensIsRetriedWithCappedBackoffUntilClosed() {
        ReconnectingFrameSource[] self = new ReconnectingFrameSource[1];
        self[0] = new ReconnectingFrameSource("cam-r", () -> {
            throw new FrameSourceException("camera cam-r: cannot open stream rtsp://10.0.0.9/live");
        }, clock, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> {
            fakeWait(d);
            if (waits.size() == 8) {
                self[0].close();
            }
            return true;
        });

        assertEquals(Optional.empty(), self[0].next());

        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), waits.stream().map(Duration::toSeconds).toList());
        CaptureStatus status = self[0].status();
        assertFalse(status.connected());
        assertEquals(TestFrames.T0, status.downSince());
        assertTrue(status.lastError().contains("rtsp://10.0.0.9/live"));
    }

    @Test
    void gapsInTheInnerSequenceCountAsDroppedFrames() {
        ReconnectingFrameSource source = new ReconnectingFrameSource("cam-r", () -> camera(0, 1, 4, 5), clock,
                Duration.ofSeconds(1), Duration.ofSeconds(30), this::fakeWait);

        for (int i = 0; i < 4; i++) {
            source.next().orElseThrow();
        }

        assertEquals(2, source.status().dropped());
    }

    @Test
    void lostCameraBlocksOnlyItsOwnThreadAndCloseEndsItsWait() throws Exception {
        ReconnectingFrameSource dead = new ReconnectingFrameSource("cam-dead", () -> {
            throw new FrameSourceException("camera cam-dead: V4L2 device /dev/video9 (missing)");
        }, Clock.systemUTC(), Duration.ofMillis(20), Duration.ofSeconds(60));
        ReconnectingFrameSource live = new ReconnectingFrameSource("cam-live", () -> camera(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                clock, Duration.ofSeconds(1), Duration.ofSeconds(30), this::fakeWait);
        CompletableFuture<Optional<Frame>> deadReader = CompletableFuture.supplyAsync(dead::next);

        for (int i = 0; i < 10; i++) {
            assertEquals(i, live.next().orElseThrow().sequence());
        }
        Thread.sleep(200);
        assertFalse(deadReader.isDone(), "still retrying");
        dead.close();

        assertEquals(Optional.empty(), deadReader.get(2, TimeUnit.SECONDS));
        assertTrue(dead.status().lastError().contains("/dev/video9"));
    }

    @Test
    void missingV4l2DeviceIsReportedByItsPath() {
        ReconnectingFrameSource[] self = new ReconnectingFrameSource[1];
        self[0] = new ReconnectingFrameSource("cam-v",
                () -> OpenCvFrameSource.open("cam-v", "/dev/video-enforce-missing", clock),
                clock, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> {
                    self[0].close();
                    return false;
                });

        assertEquals(Optional.empty(), self[0].next());
        assertTrue(self[0].status().lastError().contains("/dev/video-enforce-missing"), self[0].status().lastError());
    }
}
