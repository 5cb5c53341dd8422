package tw.enforce.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SimClockTest {

    @Test
    void readsEpochPlusSimulatedSecondsAndZoneViewsShareTheTime() {
        SimClock clock = new SimClock(Instant.parse("2026-11-26T02:00:00Z"));
        var taipei = clock.withZone(ZoneId.of("Asia/Taipei"));
        clock.setSeconds(12.5);
        assertEquals(Instant.parse("2026-11-26T02:00:12.500Z"), clock.instant());
        assertEquals(Instant.parse("2026-11-26T02:00:12.500Z"), taipei.instant());
        assertEquals(12.5, clock.seconds(), 1e-12);
        assertEquals(1 / 15.0 * 7, SimClock.secondsOf(clock.epoch(), clock.instantAt(7 / 15.0)), 1e-9);
    }
}
