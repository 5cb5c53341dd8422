package tw.enforce.sync.protocol;

import java.util.regex.Pattern;

/**
 * Unit ids, package ids and package file names become topic levels, folder and file names on the
 * center, so they are held to a whitelist: no separators, no "..", no wildcards, no control chars.
 */
public final class SafeNames {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SafeNames() {
    }

    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches() && !name.contains("..");
    }

    /** Returns {@code name} or throws naming the kind of name and the offending value. */
    public static String require(String kind, String name) {
        if (!isSafe(name)) {
            throw new IllegalArgumentException(kind + " '" + printable(name)
                    + "' is not a safe name (1-128 of [A-Za-z0-9._-], starting alphanumeric, no '..')");
        }
        return name;
    }

    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return s.length() > 80 ? b + "…" : b.toString();
    }
}
