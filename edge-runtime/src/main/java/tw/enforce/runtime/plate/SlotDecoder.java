package tw.enforce.runtime.plate;

/**
 * Decodes a fixed-slot plate recogniser (fast-plate-ocr): per slot, argmax over the alphabet;
 * the pad character is dropped wherever it appears. Confidence is the mean probability of the
 * characters kept.
 */
public final class SlotDecoder {
    public static final String GLOBAL_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_";

    private final String alphabet;
    private final char pad;

    public SlotDecoder(String alphabet, char pad) {
        this.alphabet = alphabet;
        this.pad = pad;
    }

    public int classes() {
        return alphabet.length();
    }

    /** @param probs {@code slots × classes()} probabilities, row-major */
    public PlateText decode(float[] probs, int slots) {
        int k = alphabet.length();
        if (probs.length != slots * k) {
            throw new IllegalArgumentException("slot output must be " + slots + "x" + k + ", got " + probs.length
                    + " values");
        }
        java.util.List<PlateChar> chars = new java.util.ArrayList<>();
        for (int s = 0; s < slots; s++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probs[s * k + c] > probs[s * k + best]) {
                    best = c;
                }
            }
            char ch = alphabet.charAt(best);
            if (ch != pad) {
                chars.add(PlateChar.unlocated(ch, probs[s * k + best]));
            }
        }
        return PlateText.of(chars);
    }
}
