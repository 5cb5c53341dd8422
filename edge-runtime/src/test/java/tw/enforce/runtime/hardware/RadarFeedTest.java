package tw.enforce.runtime.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import tw.enforce.radar.RadarReading;
import tw.enforce.radar.SimulatedRadar;
import tw.enforce.runtime.rule.RadarSample;

/** Radar lines from the simulated radar's serial end, through the feed's thread, into samples for the rules. */
class RadarFeedTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void readingsArriveTimedByMeasurementForTheTrackSpan() throws Exception {
        UnitHardwareTest.TestClock clock = new UnitHardwareTest.TestClock(T0);
        SimulatedRadar radar = new SimulatedRadar();
        try (RadarFeed feed = new RadarFeed("radar", radar::input, clock, Duration.ofSeconds(60), Duration.ofMillis(50))) {
            feed.start();
            radar.sendRaw("RADAR v2.1 ready"); // banner: skipped
            radar.measure(52.4, RadarReading.Direction.APPROACHING, 35);
            await(() -> feed.status().readings() == 1);
            clock.now = T0.plusSeconds(2);
            radar.sendRaw("$RSPD,1,61.0,A,0*00"); // line noise: bad checksum
            radar.measure(38.0, RadarReading.Direction.RECEDING, 0);
            await(() -> feed.status().readings() == 2);

            List<RadarSample> all = feed.between(T0.minusSeconds(1), T0.plusSeconds(3));
            assertEquals(List.of(new RadarSample(T0.minusMillis(35), 52.4, "APPROACHING"),
                    new RadarSample(T0.plusSeconds(2), 38.0, "RECEDING")), all);
            assertEquals(List.of(all.get(1)), feed.between(T0.plusSeconds(1), T0.plusSeconds(3)));
            assertEquals(1, feed.status().badLines());
            assertEquals("reading", feed.status().state());
        }
    }

    @Test
    void lineThatEndsIsReopenedAndReadingsContinue() throws Exception {
        UnitHardwareTest.TestClock clock = new UnitHardwareTest.TestClock(T0);
        BlockingQueue<SimulatedRadar> plugged = new LinkedBlockingQueue<>();
        SimulatedRadar first = new SimulatedRadar();
        SimulatedRadar second = new SimulatedRadar();
        plugged.add(first);
        plugged.add(second);
        try (RadarFeed feed = new RadarFeed("radar", () -> {
            SimulatedRadar r = plugged.poll();
            if (r == null) {
                throw new IOException("no such device");
            }
            return r.input();
        }, clock, Duration.ofSeconds(60), Duration.ofMillis(20))) {
            feed.start();
            first.measure(50.0, RadarReading.Direction.APPROACHING, 0);
            await(() -> feed.status().readings() == 1);
            first.close(); // unplugged
            clock.now = T0.plusSeconds(5);
            second.measure(70.0, RadarReading.Direction.APPROACHING, 0);
            await(() -> feed.status().readings() == 2);
            assertEquals(1, feed.status().reopens());
            assertEquals(70.0, feed.nearest(T0.plusSeconds(5), Duration.ofMillis(500)).orElseThrow().speedKmh());
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }
}
