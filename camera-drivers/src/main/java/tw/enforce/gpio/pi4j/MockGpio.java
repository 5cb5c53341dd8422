package tw.enforce.gpio.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Clock;

/**
 * A {@link Pi4jGpioBoard} on Pi4J's mock provider, for tests and the simulator, plus the other end
 * of the wires: {@link #drive} sets an input's level as a traffic controller's lamp output would, so
 * edges travel Pi4J's normal event path into the board's debounce and listeners.
 *
 * <p>Needs {@code com.pi4j:pi4j-plugin-mock} on the class path, which camera-drivers declares
 * optional so that it never reaches a unit: a module using this class declares it itself.
 */
public final class MockGpio implements AutoCloseable {

    private final Context context;
    private final Pi4jGpioBoard board;

    private MockGpio(Context context, Pi4jGpioBoard board) {
        this.context = context;
        this.board = board;
    }

    /** A board on mock providers whose edges are stamped by {@code clock}. */
    public static MockGpio start(Clock clock) {
        Context context = newMockContext();
        return new MockGpio(context, new Pi4jGpioBoard(context, clock));
    }

    /** A Pi4J context with only the mock digital providers, built explicitly: no plugin auto-detection. */
    public static Context newMockContext() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
    }

    public Pi4jGpioBoard board() {
        return board;
    }

    /**
     * Sets the electrical level of a claimed input, on the calling thread: an edge that the debounce
     * passes is delivered to the listener before this returns. To stamp the edge with an exact time,
     * set the simulated clock to that time first. Driving the level it already has does nothing.
     *
     * @throws IllegalArgumentException when no input is claimed on {@code pin}
     */
    public void drive(int pin, boolean high) {
        if (!(lookup(pin) instanceof MockDigitalInput input)) {
            throw new IllegalArgumentException("no input claimed on pin " + pin + " to drive");
        }
        input.mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    /**
     * The level the board is driving on an output pin, as the device wired to it sees it.
     *
     * @throws IllegalArgumentException when no output is claimed on {@code pin}
     */
    public boolean outputLevel(int pin) {
        if (!(lookup(pin) instanceof MockDigitalOutput output)) {
            throw new IllegalArgumentException("no output claimed on pin " + pin);
        }
        return output.state() == DigitalState.HIGH;
    }

    private Object lookup(int pin) {
        String id = Pi4jGpioBoard.ioId(pin);
        return context.registry().exists(id) ? context.registry().get(id) : null;
    }

    /** Releases the board's pins and shuts the mock context down. */
    @Override
    public void close() {
        board.close();
        context.shutdown();
    }
}
