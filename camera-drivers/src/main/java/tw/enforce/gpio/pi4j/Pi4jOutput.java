package tw.enforce.gpio.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import tw.enforce.gpio.GpioBoard;

/** One claimed output; a pulse's end is timed on the board's thread and cancelled by a later set or pulse. */
final class Pi4jOutput implements GpioBoard.DigitalOutput {

    private final String name;
    private final DigitalOutput io;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> pulseEnd;
    private long generation;

    Pi4jOutput(String name, DigitalOutput io, ScheduledExecutorService timer) {
        this.name = name;
        this.io = io;
        this.timer = timer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void set(boolean high) {
        cancelPulse();
        io.state(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    public synchronized void pulse(Duration width) {
        if (width.isNegative() || width.isZero()) {
            throw new IllegalArgumentException("output " + name + ": pulse width must be positive, was " + width);
        }
        cancelPulse();
        io.state(DigitalState.HIGH);
        long pulse = generation;
        pulseEnd = timer.schedule(() -> endPulse(pulse), width.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void endPulse(long pulse) {
        if (pulse == generation) {
            pulseEnd = null;
            io.state(DigitalState.LOW);
        }
    }

    private void cancelPulse() {
        generation++;
        if (pulseEnd != null) {
            pulseEnd.cancel(false);
            pulseEnd = null;
        }
    }
}
