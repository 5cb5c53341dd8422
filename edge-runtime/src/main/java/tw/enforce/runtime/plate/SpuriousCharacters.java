package tw.enforce.runtime.plate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drops characters that a CTC recogniser read from something that is not a character (a country
 * band, a flag, an emblem or sticker between two groups), using what every such read has in common:
 * the recogniser is less than even sure of it ({@code probability < WEAK}), and either a second read
 * of the same crop sees no character at its columns, or it stands at an end of the plate apart from
 * the rest (its gap to the next character more than {@code ISOLATION} times the plate's median
 * character pitch). Confident characters are never dropped, and neither is anything the recogniser
 * did not locate. Pure: works on located {@link PlateChar}s.
 */
public final class SpuriousCharacters {
    /** Below even odds the recogniser itself doubts that this is the character. */
    static final double WEAK = 0.5;
    /** Character pitch varies with the dash or space between groups, rarely by half again. */
    static final double ISOLATION = 1.5;

    private SpuriousCharacters() {
    }

    /** Characters in reading order; of two whose columns overlap (read twice by overlapping groups) the more probable stays. */
    public static List<PlateChar> mergeOverlaps(List<PlateChar> chars) {
        List<PlateChar> out = new ArrayList<>();
        for (PlateChar c : chars) {
            PlateChar last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && overlap(last, c)) {
                if (c.probability() > last.probability()) {
                    out.set(out.size() - 1, c);
                }
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether any located character is weak enough that a second read could drop it. */
    public static boolean anyWeak(List<PlateChar> chars) {
        return chars.stream().anyMatch(c -> c.located() && c.probability() < WEAK);
    }

    /** {@code chars} without the weak characters that {@code other}, a second read of the same crop, has nothing at. */
    public static List<PlateChar> confirmedBy(List<PlateChar> chars, List<PlateChar> other) {
        if (other.isEmpty()) {
            return chars;
        }
        return chars.stream()
                .filter(c -> !c.located() || c.probability() >= WEAK || other.stream().anyMatch(o -> overlap(o, c)))
                .toList();
    }

    /** {@code chars} without a weak first or last character that stands apart from the others. */
    public static List<PlateChar> withoutIsolatedEnds(List<PlateChar> chars) {
        if (chars.size() < 4 || chars.stream().anyMatch(c -> !c.located())) {
            return chars;
        }
        double[] gaps = new double[chars.size() - 1];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = chars.get(i + 1).centre() - chars.get(i).centre();
        }
        double pitch = median(gaps);
        int from = 0;
        int to = chars.size();
        if (chars.get(to - 1).probability() < WEAK && gaps[gaps.length - 1] > ISOLATION * pitch) {
            to--;
        }
        if (chars.get(0).probability() < WEAK && gaps[0] > ISOLATION * pitch) {
            from++;
        }
        return chars.subList(from, to);
    }

    private static boolean overlap(PlateChar a, PlateChar b) {
        return a.located() && b.located() && a.x1() < b.x2() && b.x1() < a.x2();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
