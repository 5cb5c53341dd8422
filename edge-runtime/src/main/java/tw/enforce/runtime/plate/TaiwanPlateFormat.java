package tw.enforce.runtime.plate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Taiwanese plate layouts, written with {@code L} for a letter and {@code D} for a digit (the dash is
 * not read). Since 2012 cars carry {@code LLL-DDDD} and scooters {@code LLL-DDD}; older cars
 * {@code LL-DDDD}, {@code DDDD-LL}, {@code LD-DDDD}, {@code DL-DDDD}, {@code DDDD-LD},
 * {@code DDDD-DL}; older scooters {@code DDD-LLL}. Taiwan leaves I and O off its plates because
 * they look like 1 and 0.
 *
 * <p>A read that already fits a layout is returned as read. Otherwise, characters that the layout
 * puts in the other category are swapped with their look-alike (O, D, Q→0; I→1; B↔8,
 * S↔5, Z↔2, G↔6, T↔7, A↔4; a 0 or 1 where a letter belongs has no single look-alike and is left): the result is valid only if exactly one layout yields exactly one plate;
 * when none or several do, the raw read is returned flagged invalid.
 */
public final class TaiwanPlateFormat implements PlateFormat {
    public static final List<String> DEFAULT_LAYOUTS = List.of(
            "LLLDDDD", "LLLDDD", "LLDDDD", "DDDDLL", "LDDDDD", "DLDDDD", "DDDDLD", "DDDDDL", "DDDLLL");
    private static final String EXCLUDED_LETTERS = "IO";
    private static final Map<Character, Character> TO_DIGIT = Map.ofEntries(
            Map.entry('O', '0'), Map.entry('D', '0'), Map.entry('Q', '0'), Map.entry('I', '1'), Map.entry('B', '8'),
            Map.entry('S', '5'), Map.entry('Z', '2'), Map.entry('G', '6'), Map.entry('T', '7'), Map.entry('A', '4'));
    private static final Map<Character, Character> TO_LETTER = Map.of(
            '8', 'B', '5', 'S', '2', 'Z', '6', 'G', '7', 'T', '4', 'A');

    private final List<String> layouts;

    public TaiwanPlateFormat() {
        this(DEFAULT_LAYOUTS);
    }

    public TaiwanPlateFormat(List<String> layouts) {
        for (String l : layouts) {
            if (!l.matches("[LD]{2,10}")) {
                throw new IllegalArgumentException("plate layout must be letters L and D only, was '" + l + "'");
            }
        }
        this.layouts = List.copyOf(layouts);
    }

    @Override
    public Checked check(String raw) {
        String t = CtcDecoder.plateChar(raw);
        for (String layout : layouts) {
            if (fits(t, layout)) {
                return new Checked(t, true, false, layout);
            }
        }
        Set<String> fixes = new LinkedHashSet<>();
        String via = null;
        for (String layout : layouts) {
            String fixed = substitute(t, layout);
            if (fixed != null && fixes.add(fixed)) {
                via = layout;
            }
        }
        return fixes.size() == 1 ? new Checked(fixes.iterator().next(), true, true, via) : new Checked(t, false, false, null);
    }

    static boolean fits(String t, String layout) {
        if (t.length() != layout.length()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = layout.charAt(i) == 'D' ? Character.isDigit(c)
                    : c >= 'A' && c <= 'Z' && EXCLUDED_LETTERS.indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String substitute(String t, String layout) {
        if (t.length() != layout.length()) {
            return null;
        }
        StringBuilder b = new StringBuilder(t);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean wantDigit = layout.charAt(i) == 'D';
            if (wantDigit && !Character.isDigit(c)) {
                Character d = TO_DIGIT.get(c);
                if (d == null) {
                    return null;
                }
                b.setCharAt(i, d);
            } else if (!wantDigit && (Character.isDigit(c) || EXCLUDED_LETTERS.indexOf(c) >= 0)) {
                Character l = Character.isDigit(c) ? TO_LETTER.get(c) : null;
                if (l == null) {
                    return null;
                }
                b.setCharAt(i, l);
            }
        }
        return fits(b.toString(), layout) ? b.toString() : null;
    }
}
