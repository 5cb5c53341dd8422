package tw.enforce.radar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tw.enforce.radar.RadarReading.Direction;

class SimulatedRadarTest {

    @Test
    void readingsSentFromAnotherThreadArriveInOrderThroughTheLineProtocol() throws Exception {
        Instant t0 = Instant.parse("2026-11-26T08:00:00Z");
        SimulatedRadar radar = new SimulatedRadar();
        LineRadarSource source = new LineRadarSource("sim-radar", radar.input(), Clock.fixed(t0, ZoneOffset.UTC));
        CompletableFuture<List<RadarReading>> received = CompletableFuture.supplyAsync(() -> {
            List<RadarReading> out = new ArrayList<>();
            try {
                for (Optional<RadarReading> r = source.next(); r.isPresent(); r = source.next()) {
                    out.add(r.get());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });

        radar.sendRaw("SIM RADAR 1.0");
        radar.measure(49.94, Direction.APPROACHING, 40);
        radar.sendRaw("$RSPD,garbage*00");
        radar.measure(61.0, Direction.RECEDING, 0);
        radar.close();

        List<RadarReading> readings = received.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(new RadarReading(0, t0.minus(Duration.ofMillis(40)), 49.9, Direction.APPROACHING),
                new RadarReading(1, t0, 61.0, Direction.RECEDING)), readings);
        assertEquals(1, source.badLines());
        assertEquals(0, source.lostReadings());
    }
}
