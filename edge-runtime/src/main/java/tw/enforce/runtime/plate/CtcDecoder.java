package tw.enforce.runtime.plate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy CTC decoding of a PaddleOCR recogniser's per-step class probabilities: argmax per step,
 * repeats collapsed, blank (class 0) dropped. Class {@code i ≥ 1} is {@code dictionary[i-1]}; the
 * last class is a space. Only characters that can be on a plate are kept (full-width forms folded
 * to ASCII, letters upper-cased), so Chinese captions or the frame's dots do not leak into the text.
 */
public final class CtcDecoder {
    private final List<String> dictionary;

    public CtcDecoder(List<String> dictionary) {
        this.dictionary = List.copyOf(dictionary);
    }

    public int classCount() {
        return dictionary.size() + 2;
    }

    /** @param probs {@code steps × classCount()} probabilities, row-major; characters located in step units */
    public PlateText decode(float[] probs, int steps) {
        return decode(probs, steps, 1.0);
    }

    /**
     * @param probs       {@code steps × classCount()} probabilities, row-major
     * @param pxPerStep   how many crop pixels one output step covers, to locate each character
     */
    public PlateText decode(float[] probs, int steps, double pxPerStep) {
        int classes = classCount();
        if (probs.length != steps * classes) {
            throw new IllegalArgumentException("CTC output must be " + steps + "x" + classes + ", got " + probs.length
                    + " values");
        }
        List<PlateChar> chars = new ArrayList<>();
        int previous = 0;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            float bestP = probs[t * classes];
            for (int c = 1; c < classes; c++) {
                if (probs[t * classes + c] > bestP) {
                    bestP = probs[t * classes + c];
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                String ch = plateChar(best <= dictionary.size() ? dictionary.get(best - 1) : " ");
                for (char c : ch.toCharArray()) {
                    chars.add(new PlateChar(c, bestP, t * pxPerStep, (t + 1) * pxPerStep));
                }
            } else if (best != 0 && !chars.isEmpty() && chars.get(chars.size() - 1).x2() == t * pxPerStep) {
                PlateChar last = chars.get(chars.size() - 1);
                chars.set(chars.size() - 1, new PlateChar(last.ch(), last.probability(), last.x1(), (t + 1) * pxPerStep));
            }
            previous = best;
        }
        return PlateText.of(chars);
    }

    /** The letters and digits of a plate as written (dashes, spaces and dots dropped, upper case). */
    public static String plateCharsOf(String s) {
        return plateChar(s);
    }

    static String plateChar(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder();
        for (char c : folded.toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
