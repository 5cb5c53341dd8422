package tw.enforce.gpio;

import java.time.Duration;

/**
 * The unit's digital I/O: signal-lamp inputs from the traffic controller (through opto-isolators),
 * cabinet tamper, flash/illuminator outputs.
 *
 * <p>Failure contract: {@link #input} and {@link #output} throw {@link IllegalArgumentException}
 * naming the pin when the board has no such pin or it is already claimed; nothing is half-opened.
 * Edges are delivered on a board thread; a listener that throws is logged and does not stop later
 * edges.
 */
public interface GpioBoard extends AutoCloseable {

    /**
     * Claims a digital input. The first change of level is delivered at once, carrying the time it
     * was seen on the board's injected clock; further changes within {@code debounce} after it
     * (contact bounce) are suppressed, and if the level has ended up different when the window
     * closes, that change is delivered then, carrying the time it happened. No edge is delivered
     * for the level found when the input is claimed: read {@link DigitalInput#isHigh()}.
     */
    DigitalInput input(String name, int pin, Duration debounce, EdgeListener listener);

    DigitalOutput output(String name, int pin);

    @Override
    void close();

    interface DigitalInput {
        String name();

        /** Current logical level (after debounce). */
        boolean isHigh();
    }

    interface DigitalOutput {
        String name();

        void set(boolean high);

        /** Drives the pin high for {@code width}, then low, without blocking the caller. */
        void pulse(Duration width);
    }
}
