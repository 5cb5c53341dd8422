package tw.enforce.gpio.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.gpio.EdgeListener;
import tw.enforce.gpio.GpioBoard;

/**
 * {@link GpioBoard} over a Pi4J v2 {@link Context}; which provider drives the pins (gpiod, mock…)
 * is the context's business. The board does not own the context: closing the board releases the
 * pins it claimed, the creator of the context shuts it down.
 *
 * <p>Debounce is done here, in software, with {@link LeadingEdgeDebouncer}, so every edge is stamped
 * by the injected clock at its first transition; Pi4J's own debounce is set to zero. Edges are
 * delivered on the thread that reported the raw change (the provider's event thread, or the caller
 * of {@link MockGpio#drive}), or on the board's {@code gpio-board} thread when a debounce window is
 * reconciled after it ends; per input they arrive in order. Pulses are timed on that thread too.
 */
public final class Pi4jGpioBoard implements GpioBoard {

    /** BCM GPIO numbers on a Raspberry Pi's 40-pin header. */
    public static final Set<Integer> RASPBERRY_PI_BCM_PINS =
            IntStream.rangeClosed(0, 27).boxed().collect(Collectors.toUnmodifiableSet());

    private static final Logger log = LoggerFactory.getLogger(Pi4jGpioBoard.class);

    private final Context context;
    private final Clock clock;
    private final Set<Integer> pins;
    private final ScheduledExecutorService timer;
    private final Map<Integer, Claim> claims = new LinkedHashMap<>();
    private boolean closed;

    /** A board on the Raspberry Pi header pins ({@link #RASPBERRY_PI_BCM_PINS}). */
    public Pi4jGpioBoard(Context context, Clock clock) {
        this(context, clock, RASPBERRY_PI_BCM_PINS);
    }

    /** A board whose valid pin numbers (in the provider's numbering) are {@code pins}. */
    public Pi4jGpioBoard(Context context, Clock clock, Set<Integer> pins) {
        this.context = Objects.requireNonNull(context, "context");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pins = Set.copyOf(pins);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gpio-board");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized GpioBoard.DigitalInput input(String name, int pin, Duration debounce, EdgeListener listener) {
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(listener, "listener");
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("input " + name + " on pin " + pin + ": negative debounce " + debounce);
        }
        checkClaimable(name, pin);
        Pi4jInput input = opened(name, pin, () -> {
            // Fully qualified: GpioBoard's own DigitalInput/DigitalOutput shadow Pi4J's names here.
            com.pi4j.io.gpio.digital.DigitalInput io = context.create(
                    com.pi4j.io.gpio.digital.DigitalInput.newConfigBuilder(context)
                    .id(ioId(pin)).name(name).address(pin).debounce(0L));
            return new Pi4jInput(name, pin, io, clock, debounce, listener, timer);
        });
        claims.put(pin, new Claim(name, ioId(pin), input));
        log.info("gpio input {} claimed on pin {} (debounce {} ms, level {})", name, pin, debounce.toMillis(),
                input.isHigh() ? "high" : "low");
        return input;
    }

    @Override
    public synchronized GpioBoard.DigitalOutput output(String name, int pin) {
        checkClaimable(name, pin);
        Pi4jOutput output = opened(name, pin, () -> new Pi4jOutput(name, context.create(
                com.pi4j.io.gpio.digital.DigitalOutput.newConfigBuilder(context)
                .id(ioId(pin)).name(name).address(pin)
                .initial(DigitalState.LOW).shutdown(DigitalState.LOW)), timer));
        claims.put(pin, new Claim(name, ioId(pin), output));
        log.info("gpio output {} claimed on pin {}", name, pin);
        return output;
    }

    /**
     * Reconciles every input whose debounce window has ended on the clock, delivering due edges on
     * the calling thread. A simulator calls this after advancing its clock to make delivery
     * deterministic; on real hardware the board's timer does it.
     */
    public void settle() {
        Map<Integer, Claim> snapshot;
        synchronized (this) {
            snapshot = Map.copyOf(claims);
        }
        snapshot.values().forEach(c -> {
            if (c.io() instanceof Pi4jInput input) {
                input.settle();
            }
        });
    }

    /** Opens a pin through Pi4J; on failure releases whatever Pi4J registered, so nothing is half-open. */
    private <T> T opened(String name, int pin, Supplier<T> open) {
        try {
            return open.get();
        } catch (RuntimeException e) {
            if (context.registry().exists(ioId(pin))) {
                context.shutdown(ioId(pin));
            }
            throw new IllegalStateException("gpio " + name + ": cannot open pin " + pin + " through Pi4J: " + e, e);
        }
    }

    private void checkClaimable(String name, int pin) {
        Objects.requireNonNull(name, "name");
        if (closed) {
            throw new IllegalStateException("gpio board is closed; cannot claim " + name + " on pin " + pin);
        }
        if (!pins.contains(pin)) {
            throw new IllegalArgumentException("gpio " + name + ": no pin " + pin + " on this board (valid: "
                    + pins.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")) + ")");
        }
        Claim held = claims.get(pin);
        if (held != null) {
            throw new IllegalArgumentException("gpio " + name + ": pin " + pin + " is already claimed by " + held.name());
        }
        if (claims.values().stream().anyMatch(c -> c.name().equals(name))) {
            throw new IllegalArgumentException("gpio name " + name + " is already used (pin " + pin + ")");
        }
    }

    static String ioId(int pin) {
        return "enforce-gpio-" + pin;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        for (Map.Entry<Integer, Claim> e : claims.entrySet()) {
            try {
                context.shutdown(e.getValue().ioId());
            } catch (RuntimeException ex) {
                log.warn("gpio {} on pin {}: release failed: {}", e.getValue().name(), e.getKey(), ex.toString());
            }
        }
        claims.clear();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private record Claim(String name, String ioId, Object io) {
    }
}
