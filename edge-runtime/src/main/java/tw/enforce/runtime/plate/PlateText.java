package tw.enforce.runtime.plate;

/**
 * What a recogniser read from one plate crop: upper-case letters and digits only, and its
 * confidence in [0,1] (the mean of the per-character probabilities; 0 when nothing was read).
 */
public record PlateText(String text, double confidence) {
    public static final PlateText NOTHING = new PlateText("", 0);

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
