package tw.enforce.sync.center;

/** Sequences {@code from}..{@code to} (inclusive) of a unit not received yet while later ones were. */
public record ChainGap(String unitId, long from, long to) {
}
