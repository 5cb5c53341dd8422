package tw.enforce.runtime.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tw.enforce.gpio.pi4j.MockGpio;
import tw.enforce.runtime.config.SiteConfig;

/** Lamp levels driven on Pi4J's mock provider, through the board's debounce, into history and fault checks. */
class SignalMonitorTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    static final int RED = 17;
    static final int AMBER = 27;
    static final int GREEN = 22;

    @Test
    void redAndGreenDrivenTogetherOnTheWiresSuspendsEnforcementFromThatEdge() {
        SetClock clock = new SetClock(T0);
        try (MockGpio gpio = MockGpio.start(clock)) {
            SignalHistory history = new SignalHistory(T0);
            SignalMonitor monitor = new SignalMonitor(gpio.board(), new SiteConfig.Signal(RED, AMBER, GREEN, true, 20),
                    history);
            gpio.drive(RED, true);
            clock.now = T0.plusSeconds(5);
            gpio.drive(GREEN, true);
            clock.now = T0.plusSeconds(6);
            gpio.drive(GREEN, false);

            SignalFault fault = history.faultBetween(T0.plusSeconds(4), T0.plusSeconds(7)).orElseThrow();
            assertEquals(SignalFault.Kind.RED_AND_GREEN, fault.kind());
            assertEquals(T0.plusSeconds(5), fault.from());
            assertEquals(T0.plusSeconds(6), fault.to());
            assertTrue(history.faultBetween(T0.plusSeconds(6), T0.plusSeconds(9)).isEmpty());
            monitor.close();
        }
    }

    @Test
    void allLampsDarkOnTheWiresIsANoLampFault() {
        SetClock clock = new SetClock(T0);
        try (MockGpio gpio = MockGpio.start(clock)) {
            SignalHistory history = new SignalHistory(T0);
            SignalMonitor monitor = new SignalMonitor(gpio.board(), new SiteConfig.Signal(RED, AMBER, GREEN, true, 20),
                    history);
            gpio.drive(RED, true);
            clock.now = T0.plusSeconds(20);
            gpio.drive(RED, false);

            assertEquals(SignalFault.Kind.NO_LAMP,
                    history.faultBetween(T0.plusSeconds(19), T0.plusSeconds(21)).orElseThrow().kind());
            monitor.close();
        }
    }

    private static final class SetClock extends Clock {
        volatile Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            SetClock source = this;
            return new Clock() {
                @Override
                public Instant instant() {
                    return source.instant();
                }

                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return source.withZone(other);
                }
            };
        }
    }
}
