package tw.enforce.camera.health;

import tw.enforce.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.camera.TestFrames;

class CameraHealthMonitorTest {

    private static final Duration FRAME = Duration.ofMillis(100);

    private ManualClock clock;
    private CameraHealthMonitor monitor;
    private long sequence;

    @BeforeEach
    void start() {
        clock = new ManualClock(TestFrames.T0);
        monitor = new CameraHealthMonitor("cam-h", HealthThresholds.defaults(), clock);
        monitor.setReference(Scenes.site(TestFrames.T0, 0));
    }

    @AfterEach
    void stop() {
        monitor.close();
    }

    /** Feeds {@code count} live frames (fresh noise each), changed by {@code op}, one per 100 ms. */
    private CameraHealth feed(int count, UnaryOperator<Frame> op) {
        CameraHealth health = null;
        for (int i = 0; i < count; i++) {
            Instant at = clock.advance(FRAME);
            health = monitor.onFrame(op.apply(Scenes.site(at, ++sequence)));
        }
        return health;
    }

    @Test
    void liveSharpPictureOfTheReferenceSiteRaisesNoFault() {
        CameraHealth health = feed(40, f -> f);

        assertTrue(health.healthy(), health.toString());
        FrameMetrics m = monitor.lastMetrics();
        assertTrue(m.shift() < 0.005, "shift " + m.shift());
        assertTrue(m.lostTexture() < 0.05, "lost " + m.lostTexture());
    }

    @Test
    void repeatedIdenticalFramesRaiseFrozenOnlyAfterTheRaiseDelayWithTheTimeItBegan() {
        feed(5, f -> f);
        Frame stuck = Scenes.site(clock.instant(), 99);
        monitor.onFrame(Scenes.at(stuck, clock.advance(FRAME), ++sequence));
        Instant firstRepeat = clock.advance(FRAME);
        CameraHealth health = monitor.onFrame(Scenes.at(stuck, firstRepeat, ++sequence));
        for (int i = 0; i < 19; i++) {
            health = monitor.onFrame(Scenes.at(stuck, clock.advance(FRAME), ++sequence));
        }
        assertFalse(health.has(HealthFault.FROZEN), "1.9 s of repeats is not yet a fault");

        health = monitor.onFrame(Scenes.at(stuck, clock.advance(FRAME), ++sequence));

        assertEquals(Set.of(HealthFault.FROZEN), health.faultSet());
        assertEquals(firstRepeat, health.faults().get(HealthFault.FROZEN));
        assertEquals(firstRepeat, health.faultySince().orElseThrow());
    }

    @Test
    void conditionIsPendingFromItsFirstFrameUntilRaisedAndGoneWhenThePictureRecovers() {
        feed(5, f -> f);
        assertTrue(monitor.pendingConditions().isEmpty());
        Instant first = clock.advance(FRAME);
        monitor.onFrame(Scenes.uniform(3, first, ++sequence));

        assertEquals(java.util.Map.of(HealthFault.TOO_DARK, first), monitor.pendingConditions(),
                "a black frame is pending at once, before the raise delay");
        assertTrue(monitor.current().healthy(), "but not yet a fault");
        for (int i = 0; i < 25; i++) {
            monitor.onFrame(Scenes.uniform(3, clock.advance(FRAME), ++sequence));
        }
        assertTrue(monitor.current().has(HealthFault.TOO_DARK));
        assertTrue(monitor.pendingConditions().isEmpty(), "raised, no longer pending");

        CameraHealthMonitor fresh = new CameraHealthMonitor("cam-p", HealthThresholds.defaults(), clock);
        fresh.setReference(Scenes.site(TestFrames.T0, 0));
        fresh.onFrame(Scenes.uniform(3, clock.advance(FRAME), ++sequence));
        fresh.onFrame(Scenes.site(clock.advance(FRAME), ++sequence));
        assertTrue(fresh.pendingConditions().isEmpty(), "a good picture ends a pending condition");
        fresh.close();
    }

    @Test
    void faultClearsOnlyAfterTheClearDelayOfGoodPictures() {
        Frame stuck = Scenes.site(clock.instant(), 99);
        for (int i = 0; i < 30; i++) {
            monitor.onFrame(Scenes.at(stuck, clock.advance(FRAME), ++sequence));
        }
        assertTrue(monitor.current().has(HealthFault.FROZEN));

        assertTrue(feed(50, f -> f).has(HealthFault.FROZEN), "still raised 4.9 s after the picture came back");
        assertTrue(feed(1, f -> f).healthy(), "cleared after 5 s");
    }

    @Test
    void blackPictureRaisesTooDarkAndNotBlurred() {
        CameraHealth health = null;
        for (int i = 0; i < 25; i++) {
            health = monitor.onFrame(Scenes.uniform(3, clock.advance(FRAME), ++sequence));
        }

        assertEquals(Set.of(HealthFault.TOO_DARK), health.faultSet(),
                "focus, cover and aim mean nothing on a black picture");
    }

    @Test
    void washedOutPictureRaisesOverexposed() {
        CameraHealth health = feed(25, f -> Scenes.brighter(f, 3.0, 120));

        assertEquals(Set.of(HealthFault.OVEREXPOSED), health.faultSet());
    }

    @Test
    void defocusedPictureRaisesBlurredAgainstTheReferenceSharpness() {
        CameraHealth health = feed(25, f -> Scenes.blurred(f, 4.0));

        assertTrue(health.has(HealthFault.BLURRED), health.toString() + " " + monitor.lastMetrics());
        assertFalse(health.has(HealthFault.MOVED));
    }

    @Test
    void slightlySoftPictureIsNotBlurred() {
        CameraHealth health = feed(25, f -> Scenes.blurred(f, 0.6));

        assertFalse(health.has(HealthFault.BLURRED), monitor.lastMetrics().toString());
    }

    @Test
    void halfCoveredLensRaisesObstructed() {
        CameraHealth health = feed(25, f -> Scenes.covered(f, 0.5));

        assertTrue(health.has(HealthFault.OBSTRUCTED), health + " " + monitor.lastMetrics());
        assertFalse(health.has(HealthFault.MOVED), monitor.lastMetrics().toString());
    }

    @Test
    void cameraTurnedByFivePercentRaisesMoved() {
        CameraHealth health = feed(25, f -> Scenes.shifted(f, 32, 6));

        assertTrue(health.has(HealthFault.MOVED), health + " " + monitor.lastMetrics());
        assertEquals(Math.hypot(32, 6) / Scenes.W, monitor.lastMetrics().shift(), 0.005);
    }

    @Test
    void busPassingForOneSecondRaisesNothing() {
        feed(10, f -> f);
        feed(10, f -> Scenes.covered(f, 0.7));

        assertTrue(feed(10, f -> f).healthy());
    }

    @Test
    void noFrameForTheTimeoutRaisesNoSignalAndTheNextFrameClearsIt() {
        feed(3, f -> f);
        Instant last = clock.instant();
        clock.advance(Duration.ofMillis(2000));
        assertTrue(monitor.check().healthy(), "exactly the timeout is not yet lost");

        clock.advance(Duration.ofMillis(1));
        CameraHealth lost = monitor.check();

        assertEquals(Set.of(HealthFault.NO_SIGNAL), lost.faultSet());
        assertEquals(last, lost.faults().get(HealthFault.NO_SIGNAL));
        assertTrue(feed(1, f -> f).healthy());
    }

    @Test
    void cameraThatNeverDeliveredIsWithoutSignalFromStart() {
        clock.advance(Duration.ofSeconds(3));

        CameraHealth health = monitor.check();

        assertEquals(TestFrames.T0, health.faults().get(HealthFault.NO_SIGNAL));
        assertEquals(null, health.lastFrameAt());
    }
}
