package tw.enforce.radar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.SteppingClock;
import tw.enforce.radar.RadarReading.Direction;

class RadarLineProtocolTest {
    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void documentedExampleParsesWithMeasurementTimeBackdatedByItsAge() throws Exception {
        RadarReading r = RadarLineProtocol.parse("$RSPD,17,52.4,A,35*49\r", T0);

        assertEquals(17, r.sequence());
        assertEquals(52.4, r.speedKmh(), 1e-9);
        assertEquals(Direction.APPROACHING, r.direction());
        assertEquals(T0.minusMillis(35), r.measuredAt());
    }

    @Test
    void formatWritesWhatParseReads() throws Exception {
        String line = RadarLineProtocol.format(65535, 123.45, Direction.RECEDING, 0);

        RadarReading r = RadarLineProtocol.parse(line, T0);

        assertEquals(65535, r.sequence());
        assertEquals(123.5, r.speedKmh(), 1e-9);
        assertEquals(Direction.RECEDING, r.direction());
    }

    @Test
    void corruptedLinesAreRejectedNamingTheLineAndTheFault() {
        assertError("$RSPD,17,52.4,A,35*48", "checksum 48 does not match the computed 49");
        assertError("$RSPD,17,52.4,A,35", "expected $RSPD");
        assertError(signed("RSPD,17,52.4,X,35"), "direction 'X'");
        assertError(signed("RSPD,17,452.0,A,35"), "speed 452.0 km/h is outside");
        assertError(signed("RSPD,17,fast,A,35"), "speed 'fast' is not a number");
        assertError(signed("RSPD,70000,52.4,A,35"), "seq 70000 is outside 0..65535");
        assertError(signed("RSPD,17,52.4,A"), "expected 5 fields");
        assertError("$RSPD,17,52.4,A,35*ZZ", "not two hex digits");
    }

    @Test
    void sourceSkipsBannerCountsNoiseAndLostLinesAndStampsOnTheUnitClock() throws Exception {
        String serial = String.join("\n",
                "RADAR v2.1 ready",
                RadarLineProtocol.format(1, 48.0, Direction.APPROACHING, 20),
                "$RSPD,2,4#.0,A,20*00",
                RadarLineProtocol.format(4, 51.0, Direction.APPROACHING, 20),
                RadarLineProtocol.format(5, 50.5, Direction.APPROACHING, 20)) + "\n";
        SteppingClock clock = new SteppingClock(T0, Duration.ofMillis(100));
        List<RadarReading> readings = new ArrayList<>();

        try (LineRadarSource radar = new LineRadarSource("radar-1",
                new ByteArrayInputStream(serial.getBytes(StandardCharsets.US_ASCII)), clock)) {
            for (Optional<RadarReading> r = radar.next(); r.isPresent(); r = radar.next()) {
                readings.add(r.get());
            }
            assertEquals(1, radar.badLines());
            assertEquals(2, radar.lostReadings(), "sequence 2 garbled, 3 never arrived");
        }

        assertEquals(List.of(1L, 4L, 5L), readings.stream().map(RadarReading::sequence).toList());
        assertEquals(T0.minusMillis(20), readings.get(0).measuredAt());
        assertEquals(T0.plusMillis(200 - 20), readings.get(1).measuredAt(), "one clock read per $ line");
    }

    @Test
    void historyFindsTheReadingNearestToATrackTimeWithinTheGap() {
        RadarHistory history = new RadarHistory(Duration.ofSeconds(10));
        for (int i = 0; i < 30; i++) {
            history.add(new RadarReading(i, T0.plusMillis(i * 500L), 40 + i, Direction.APPROACHING));
        }

        assertEquals(10 + 40, history.nearest(T0.plusMillis(5_100), Duration.ofMillis(200)).orElseThrow().speedKmh());
        assertTrue(history.nearest(T0.plusSeconds(30), Duration.ofMillis(200)).isEmpty(), "nothing near");
        assertTrue(history.nearest(T0.plusSeconds(1), Duration.ofSeconds(1)).isEmpty(), "older than the retention");
        assertEquals(3, history.between(T0.plusSeconds(10), T0.plusSeconds(11)).size());
    }

    private static String signed(String body) {
        return String.format("$%s*%02X", body, RadarLineProtocol.checksum(body));
    }

    private static void assertError(String line, String expected) {
        RadarFormatException e = assertThrows(RadarFormatException.class, () -> RadarLineProtocol.parse(line, T0));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(line.substring(0, 10)), e.getMessage());
    }
}
