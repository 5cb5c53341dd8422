package tw.enforce.runtime.hardware;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.camera.health.CameraHealthMonitor;
import tw.enforce.camera.health.HealthThresholds;

/** A camera going black suspends cases at once, before its fault is confirmed, and releases them when the picture returns. */
class CameraGuardTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    private static Frame textured(long seq, Instant at) {
        byte[] px = new byte[320 * 240 * 3];
        new Random(seq).nextBytes(px);
        return new Frame("cam-1", seq, at, 320, 240, px);
    }

    private static Frame black(long seq, Instant at) {
        byte[] px = new byte[320 * 240 * 3];
        Arrays.fill(px, (byte) 2);
        return new Frame("cam-1", seq, at, 320, 240, px);
    }

    @Test
    void caseDecidedWhileAConditionIsPendingIsSuspendedAndOneAfterRecoveryIsNot() {
        CameraGuard guard = new CameraGuard(new CameraHealthMonitor("cam-1", HealthThresholds.defaults(),
                Clock.fixed(T0, ZoneOffset.UTC)), 1, Duration.ofMinutes(10));
        long seq = 0;
        Instant t = T0;
        for (int i = 0; i < 5; i++) {
            guard.observe(textured(++seq, t = t.plusMillis(100)));
        }
        assertTrue(guard.suspendedBetween(T0, t).isEmpty(), "live picture: enforce");

        guard.observe(black(++seq, t = t.plusMillis(100)));
        Optional<String> pending = guard.suspendedBetween(T0, t);
        assertTrue(pending.isPresent() && pending.get().contains("TOO_DARK") && pending.get().contains("not yet confirmed"),
                pending.toString());

        guard.observe(textured(++seq, t = t.plusMillis(100)));
        assertTrue(guard.suspendedBetween(t, t.plusSeconds(1)).isEmpty(), "the condition went before it became a fault");
        guard.close();
    }
}
