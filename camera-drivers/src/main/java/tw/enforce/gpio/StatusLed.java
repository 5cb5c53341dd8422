package tw.enforce.gpio;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The unit's status LED on a digital output: steady on when all is well, a slow blink when degraded
 * (a camera or the signal inputs faulted: enforcement suspended), a fast blink on a fault needing a
 * visit, off when the runtime is not running. The caller's periodic thread calls {@link #tick} (at
 * least every 100 ms) with its clock's time; blinking is derived from that time, so it is
 * deterministic under a simulated clock.
 */
public final class StatusLed {

    public enum Indication {
        OFF(null), OK(null), DEGRADED(Duration.ofSeconds(1)), FAULT(Duration.ofMillis(250));

        private final Duration period;

        Indication(Duration period) {
            this.period = period;
        }
    }

    private final GpioBoard.DigitalOutput output;
    private volatile Indication indication = Indication.OFF;
    private Boolean level;

    public StatusLed(GpioBoard.DigitalOutput output) {
        this.output = Objects.requireNonNull(output, "output");
    }

    public void show(Indication indication) {
        this.indication = Objects.requireNonNull(indication, "indication");
    }

    public Indication indication() {
        return indication;
    }

    /** Sets the LED for {@code now}: on during the first half of each blink period. */
    public synchronized void tick(Instant now) {
        Indication shown = indication;
        boolean on = switch (shown) {
            case OFF -> false;
            case OK -> true;
            default -> {
                long periodMs = shown.period.toMillis();
                yield Math.floorMod(now.toEpochMilli(), periodMs) < periodMs / 2;
            }
        };
        if (level == null || level != on) {
            output.set(on);
            level = on;
        }
    }
}
