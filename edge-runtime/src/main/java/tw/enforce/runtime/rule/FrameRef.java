package tw.enforce.runtime.rule;

/**
 * A frame the evidence must show and what it shows (e.g. {@code before-stop-line-red-lit},
 * {@code speed-start}, {@code pedestrian-on-crosswalk}); the frame sequence is the track's own.
 */
public record FrameRef(long frameSequence, String role) {
}
