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
     * Claims a digital input. Edges shorter than {@code debounce} are suppressed; each delivered
     * edge carries the time it was seen, read from the board's injected clock.
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
