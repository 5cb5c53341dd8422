package tw.enforce.runtime.plate;

/**
 * Checks a raw read against the plate formats of a jurisdiction and puts it in canonical form.
 * Implementations never turn a read into a different plate by guesswork: a read that fits no
 * format, or fits several only after substitutions, comes back invalid with the raw text.
 */
public interface PlateFormat {

    /** The outcome of checking one read. */
    record Checked(String text, boolean valid, boolean substituted, String pattern) {
    }

    Checked check(String raw);

    /** Accepts any 2–10 letters and digits as they are: for foreign or unknown plate sets. */
    PlateFormat ANY = raw -> {
        String t = CtcDecoder.plateChar(raw);
        boolean ok = t.length() >= 2 && t.length() <= 10;
        return new Checked(t, ok, false, ok ? "any" : null);
    };
}
