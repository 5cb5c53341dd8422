package tw.enforce.gpio;

import java.time.Instant;

/** A debounced level change on a named input, timestamped when the board saw it. */
public record PinEdge(String name, int pin, boolean high, Instant at) {
}
