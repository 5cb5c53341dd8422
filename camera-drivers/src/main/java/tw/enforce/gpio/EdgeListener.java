package tw.enforce.gpio;

/** Receives the debounced level changes of one input. */
@FunctionalInterface
public interface EdgeListener {
    void onEdge(PinEdge edge);
}
