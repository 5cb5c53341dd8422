package tw.enforce.runtime.plate;

import java.util.List;

/**
 * What a recogniser read from one plate crop: upper-case letters and digits only, its confidence
 * in [0,1] (the mean of the per-character probabilities; 0 when nothing was read), and the
 * characters one by one ({@code chars.size() == text.length()}).
 */
public record PlateText(String text, double confidence, List<PlateChar> chars) {
    public static final PlateText NOTHING = new PlateText("", 0, List.of());

    public PlateText {
        chars = List.copyOf(chars);
        if (chars.size() != text.length()) {
            throw new IllegalArgumentException("plate text '" + text + "' has " + text.length() + " characters but "
                    + chars.size() + " character reads");
        }
    }

    /** A read without per-character detail: every character gets the mean confidence, unlocated. */
    public PlateText(String text, double confidence) {
        this(text, confidence, text.chars().mapToObj(c -> PlateChar.unlocated((char) c, confidence)).toList());
    }

    /** The text and mean confidence of these characters, in order. */
    public static PlateText of(List<PlateChar> chars) {
        if (chars.isEmpty()) {
            return NOTHING;
        }
        StringBuilder b = new StringBuilder();
        double sum = 0;
        for (PlateChar c : chars) {
            b.append(c.ch());
            sum += c.probability();
        }
        return new PlateText(b.toString(), sum / chars.size(), chars);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
