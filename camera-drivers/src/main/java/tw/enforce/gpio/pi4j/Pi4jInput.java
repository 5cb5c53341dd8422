package tw.enforce.gpio.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.gpio.EdgeListener;
import tw.enforce.gpio.GpioBoard;
import tw.enforce.gpio.PinEdge;

/** One claimed input: Pi4J state events in, debounced {@link PinEdge}s out. */
final class Pi4jInput implements GpioBoard.DigitalInput {

    private static final Logger log = LoggerFactory.getLogger(Pi4jInput.class);

    private final String name;
    private final int pin;
    private final Clock clock;
    private final EdgeListener listener;
    private final ScheduledExecutorService timer;
    private final LeadingEdgeDebouncer debouncer;
    private final AtomicBoolean settleScheduled = new AtomicBoolean();

    Pi4jInput(String name, int pin, DigitalInput io, Clock clock, Duration debounce, EdgeListener listener,
              ScheduledExecutorService timer) {
        this.name = name;
        this.pin = pin;
        this.clock = clock;
        this.listener = listener;
        this.timer = timer;
        this.debouncer = new LeadingEdgeDebouncer(clock, debounce, io.state() == DigitalState.HIGH, this::deliver);
        io.addListener(event -> {
            if (event.state() == DigitalState.HIGH || event.state() == DigitalState.LOW) {
                debouncer.onRaw(event.state() == DigitalState.HIGH);
                scheduleSettle();
            }
        });
    }

    private void deliver(LeadingEdgeDebouncer.Change change) {
        try {
            listener.onEdge(new PinEdge(name, pin, change.high(), change.at()));
        } catch (RuntimeException e) {
            log.error("gpio input {} on pin {}: listener failed on {} edge at {}", name, pin,
                    change.high() ? "rising" : "falling", change.at(), e);
        }
    }

    void settle() {
        debouncer.settle();
    }

    /** While a window is open, check again when the clock should have passed its end. */
    private void scheduleSettle() {
        Optional<Instant> openUntil = debouncer.settle();
        if (openUntil.isEmpty() || !settleScheduled.compareAndSet(false, true)) {
            return;
        }
        long delayMs = Math.max(1, Duration.between(clock.instant(), openUntil.get()).toMillis());
        try {
            timer.schedule(() -> {
                settleScheduled.set(false);
                scheduleSettle();
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            settleScheduled.set(false);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isHigh() {
        return debouncer.isHigh();
    }
}
