package tw.enforce.runtime.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.gpio.GpioBoard;
import tw.enforce.gpio.PinEdge;
import tw.enforce.runtime.config.SiteConfig;

/**
 * Wires the controller's three lamp outputs, as GPIO inputs, into a {@link SignalHistory}. With
 * active-low wiring (opto-isolator pulling the pin down when the lamp is lit) levels are inverted
 * here, so the rest of the unit only ever sees "lamp on".
 */
public final class SignalMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignalMonitor.class);
    private final SignalHistory history;
    private final boolean activeHigh;
    private final List<GpioBoard.DigitalInput> inputs = new ArrayList<>();

    public SignalMonitor(GpioBoard board, SiteConfig.Signal wiring, SignalHistory history) {
        this.history = history;
        this.activeHigh = wiring.activeHigh();
        Duration debounce = Duration.ofMillis(wiring.debounceMs());
        inputs.add(board.input("lamp-red", wiring.redPin(), debounce, e -> onEdge(SignalPhase.RED, e)));
        inputs.add(board.input("lamp-amber", wiring.amberPin(), debounce, e -> onEdge(SignalPhase.AMBER, e)));
        inputs.add(board.input("lamp-green", wiring.greenPin(), debounce, e -> onEdge(SignalPhase.GREEN, e)));
        for (int i = 0; i < inputs.size(); i++) {
            SignalPhase lamp = i == 0 ? SignalPhase.RED : i == 1 ? SignalPhase.AMBER : SignalPhase.GREEN;
            if (inputs.get(i).isHigh() == activeHigh) {
                history.lampChanged(lamp, true, history.currentSince());
            }
        }
    }

    private void onEdge(SignalPhase lamp, PinEdge edge) {
        boolean on = edge.high() == activeHigh;
        history.lampChanged(lamp, on, edge.at());
        log.debug("lamp {} {} at {}", lamp, on ? "on" : "off", edge.at());
    }

    public SignalHistory history() {
        return history;
    }

    @Override
    public void close() {
        inputs.clear();
    }
}
