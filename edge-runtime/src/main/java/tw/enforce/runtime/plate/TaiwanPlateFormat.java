package tw.enforce.runtime.plate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Taiwanese plate layouts, written with {@code L} for a letter and {@code D} for a digit (the dash is
 * not read, so {@code LL-DDDD} and {@code LLD-DDD} are the same layout {@code LLDDDD}).
 *
 * <p>{@link #DEFAULT_LAYOUTS}, checked against these sources (full list in docs/plate-formats.md):
 * <ul>
 * <li>The seven-character series, every vehicle class issued since December 2012 (private,
 *     rental {@code R..}, electric {@code E..}, taxis, buses, trucks, trailers; heavy, light and
 *     electric scooters since 2014/2018): {@code LLL-DDDD}. Chinese Wikipedia "台灣車牌號碼"
 *     (AHH-1111 car, MAN-1111 scooter, KAA-6001 bus); SETN news 472833 (scooters and electric scooters
 *     three letters and four digits); johnnydecimal.com "Registration review: Taiwan" (E__-____,
 *     R__-____).</li>
 * <li>Large heavy motorcycles (550 cc and more): {@code LL-DDD} (SETN 472833: two letters, three digits).</li>
 * <li>Commercial vehicles before the seven-character plates (buses, trucks, tractors):
 *     {@code LLL-DDD} (Chinese Wikipedia examples KAQ-230, FAA-230); trailers {@code LL-DDD} (XA-032).</li>
 * <li>1992 series cars, January 1992 to October 2001: a two-character code of letters or of a
 *     letter and a digit ({@code FA}, {@code F2}, {@code 2F}) then two, three or four digits:
 *     {@code LL-DD}, {@code LD-DD}, {@code DL-DD} (trailers), {@code LL-DDD}, {@code LD-DDD},
 *     {@code DL-DDD} (buses, trucks, taxis), {@code LL-DDDD}, {@code LD-DDDD}, {@code DL-DDDD}
 *     (private cars, rentals). Directorate General of Highways, "汽機車號牌編碼方式".</li>
 * <li>1992 series cars from November 2001: two, three or four digits then a two-letter code:
 *     {@code DD-LL}, {@code DDD-LL}, {@code DDDD-LL} (same source).</li>
 * <li>1992 series scooters: a three-character code of letters or letters and a digit ({@code FAA},
 *     {@code FA2}) then three digits: {@code LLL-DDD}, {@code LLD-DDD} (same source); later reversed
 *     {@code DDD-LLL} (seen on the road; in public plate validators, no official text found).</li>
 * </ul>
 * Letters I and O are not issued because they look like 1 and 0 (2012 series rule; applied to all).
 * The 2012 series also skips the digit 4 in new numbers, but older plates carry it, so it is allowed.
 *
 * <p>A read that already fits a layout is returned as read. Otherwise, characters that the layout
 * puts in the other category are swapped with their look-alike (O, D, Q→0; I→1; B↔8,
 * S↔5, Z↔2, G↔6, T↔7, A↔4; a 0 or 1 where a letter belongs has no single look-alike and is left),
 * at most {@value #MAX_SWAPS} of them: the result is valid only if exactly one layout yields exactly
 * one plate; when none or several do, the raw read is returned flagged invalid. A read that needs
 * more swaps is more likely another plate (a foreign one, or a misread beyond look-alikes) than a
 * Taiwanese plate read with its letters and digits confused, and is flagged rather than bent into
 * a plate.
 */
public final class TaiwanPlateFormat implements PlateFormat {
    public static final List<String> DEFAULT_LAYOUTS = List.of(
            "LLLDDDD",
            "LLLDDD", "LLDDDD", "LDDDDD", "DLDDDD", "DDDDLL", "DDDLLL",
            "LLDDD", "LDDDD", "DLDDD", "DDDLL",
            "LLDD", "LDDD", "DLDD", "DDLL");
    static final int MAX_SWAPS = 2;
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
        int swaps = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean wantDigit = layout.charAt(i) == 'D';
            if (wantDigit && !Character.isDigit(c)) {
                Character d = TO_DIGIT.get(c);
                if (d == null) {
                    return null;
                }
                b.setCharAt(i, d);
                swaps++;
            } else if (!wantDigit && (Character.isDigit(c) || EXCLUDED_LETTERS.indexOf(c) >= 0)) {
                Character l = Character.isDigit(c) ? TO_LETTER.get(c) : null;
                if (l == null) {
                    return null;
                }
                b.setCharAt(i, l);
                swaps++;
            }
        }
        return swaps <= MAX_SWAPS && fits(b.toString(), layout) ? b.toString() : null;
    }
}
