package tw.enforce.gpio.pi4j;

import tw.enforce.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.gpio.CabinetTamper;
import tw.enforce.gpio.StatusLed;

class CabinetAndLedTest {
    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void openingTheCabinetDoorIsReportedWithTheEdgeTime() {
        ManualClock clock = new ManualClock(T0);
        List<CabinetTamper.Event> events = new ArrayList<>();
        try (MockGpio gpio = MockGpio.start(clock)) {
            CabinetTamper door = new CabinetTamper(gpio.board(), 5, true, Duration.ofMillis(50), events::add);
            assertFalse(door.isOpen());

            clock.set(T0.plusSeconds(3));
            gpio.drive(5, true);
            assertTrue(door.isOpen());
            assertEquals(T0.plusSeconds(3), door.openedAt());

            clock.set(T0.plusSeconds(60));
            gpio.drive(5, false);
            assertFalse(door.isOpen());
        }
        assertEquals(List.of(new CabinetTamper.Event(true, T0.plusSeconds(3)),
                new CabinetTamper.Event(false, T0.plusSeconds(60))), events);
    }

    @Test
    void statusLedIsSteadyWhenOkAndBlinksWhenDegraded() {
        try (MockGpio gpio = MockGpio.start(new ManualClock(T0))) {
            StatusLed led = new StatusLed(gpio.board().output("status-led", 6));
            led.show(StatusLed.Indication.OK);
            led.tick(T0);
            assertTrue(gpio.outputLevel(6));
            led.tick(T0.plusMillis(700));
            assertTrue(gpio.outputLevel(6), "steady");

            led.show(StatusLed.Indication.DEGRADED);
            led.tick(T0.plusMillis(100));
            assertTrue(gpio.outputLevel(6), "first half of the 1 s period");
            led.tick(T0.plusMillis(600));
            assertFalse(gpio.outputLevel(6), "second half");

            led.show(StatusLed.Indication.FAULT);
            led.tick(T0.plusMillis(1000));
            assertTrue(gpio.outputLevel(6));
            led.tick(T0.plusMillis(1130));
            assertFalse(gpio.outputLevel(6), "fast blink: 250 ms period");

            led.show(StatusLed.Indication.OFF);
            led.tick(T0.plusMillis(2000));
            assertFalse(gpio.outputLevel(6));
        }
    }

    @Test
    void illuminatorPulseEndsOnItsOwn() throws Exception {
        try (MockGpio gpio = MockGpio.start(new ManualClock(T0))) {
            var flash = gpio.board().output("ir-flash", 12);
            flash.pulse(Duration.ofMillis(30));
            assertTrue(gpio.outputLevel(12));
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (gpio.outputLevel(12) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertFalse(gpio.outputLevel(12), "pulse ended");
        }
    }
}
