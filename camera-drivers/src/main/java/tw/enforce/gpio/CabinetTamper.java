package tw.enforce.gpio;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The cabinet door switch on a digital input. Each debounced change is reported with the board's
 * timestamp (evidence produced while the cabinet stood open can be flagged); the state when claimed
 * is read, not reported. Which level means "open" depends on the switch wiring.
 */
public final class CabinetTamper {

    /** The door opened ({@code open}) or closed at {@code at}. */
    public record Event(boolean open, Instant at) {
    }

    private final GpioBoard.DigitalInput input;
    private final boolean openWhenHigh;
    private volatile Instant openedAt;

    public CabinetTamper(GpioBoard board, int pin, boolean openWhenHigh, Duration debounce, Consumer<Event> onChange) {
        Objects.requireNonNull(onChange, "onChange");
        this.openWhenHigh = openWhenHigh;
        this.input = board.input("cabinet-door", pin, debounce, edge -> {
            boolean open = edge.high() == openWhenHigh;
            openedAt = open ? edge.at() : null;
            onChange.accept(new Event(open, edge.at()));
        });
    }

    public boolean isOpen() {
        return input.isHigh() == openWhenHigh;
    }

    /** When the door was last seen opening, while it is open; null when closed or open since start-up. */
    public Instant openedAt() {
        return openedAt;
    }
}
