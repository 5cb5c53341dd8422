package tw.enforce.sim.sprite;

/** What cutting one source image gave: a sprite, or the reason it was not good enough. */
public sealed interface CutResult {

    record Accepted(Sprite sprite) implements CutResult {
    }

    record Rejected(String source, String reason) implements CutResult {
    }
}
