package tw.enforce.radar;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The serial line protocol of the speed radar: one ASCII line per target measurement, ended by LF
 * (a CR before it is ignored), in the NMEA style:
 *
 * <pre>
 * $RSPD,&lt;seq&gt;,&lt;speed&gt;,&lt;dir&gt;,&lt;age_ms&gt;*&lt;XX&gt;
 *   seq     0..65535, +1 per measurement, wraps: a jump shows lost lines
 *   speed   km/h, 0.0..399.9, one decimal
 *   dir     A (approaching the radar) or R (receding)
 *   age_ms  0..9999: how long before sending the line the radar measured (its processing delay)
 *   XX      two hex digits, XOR of every byte between '$' and '*'
 * example:  $RSPD,17,52.4,A,35*49
 * </pre>
 *
 * Lines that do not start with {@code $} are the radar's banner or diagnostics and are skipped by
 * {@link LineRadarSource}; a {@code $RSPD} line that does not parse is an error naming the line.
 */
public final class RadarLineProtocol {

    static final String TAG = "RSPD";
    private static final int MAX_AGE_MS = 9999;

    private RadarLineProtocol() {
    }

    /**
     * Parses a line received at {@code receivedAt} on the unit's clock.
     *
     * @throws RadarFormatException naming the line and the field at fault
     */
    public static RadarReading parse(String line, Instant receivedAt) throws RadarFormatException {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int star = text.lastIndexOf('*');
        if (!text.startsWith("$") || star < 0 || star != text.length() - 3) {
            throw bad(line, "expected $RSPD,...*XX");
        }
        String body = text.substring(1, star);
        int expected;
        try {
            expected = Integer.parseInt(text.substring(star + 1), 16);
        } catch (NumberFormatException e) {
            throw bad(line, "checksum '" + text.substring(star + 1) + "' is not two hex digits");
        }
        int actual = checksum(body);
        if (actual != expected) {
            throw bad(line, String.format(Locale.ROOT, "checksum %02X does not match the computed %02X", expected, actual));
        }
        String[] f = body.split(",", -1);
        if (f.length != 5 || !TAG.equals(f[0])) {
            throw bad(line, "expected 5 fields starting with " + TAG + ", got " + f.length);
        }
        long seq = number(line, "seq", f[1], 0, 65535);
        double speed;
        try {
            speed = Double.parseDouble(f[2]);
        } catch (NumberFormatException e) {
            throw bad(line, "speed '" + f[2] + "' is not a number");
        }
        if (!(speed >= 0 && speed < 400)) {
            throw bad(line, "speed " + f[2] + " km/h is outside 0..399.9");
        }
        RadarReading.Direction dir = switch (f[3]) {
            case "A" -> RadarReading.Direction.APPROACHING;
            case "R" -> RadarReading.Direction.RECEDING;
            default -> throw bad(line, "direction '" + f[3] + "' is not A or R");
        };
        long age = number(line, "age_ms", f[4], 0, MAX_AGE_MS);
        return new RadarReading(seq, receivedAt.minus(Duration.ofMillis(age)), speed, dir);
    }

    /** The line a radar sends for a measurement made {@code ageMs} before sending (no line end). */
    public static String format(long sequence, double speedKmh, RadarReading.Direction direction, int ageMs) {
        String body = String.format(Locale.ROOT, "%s,%d,%.1f,%s,%d", TAG, sequence % 65536, speedKmh,
                direction == RadarReading.Direction.APPROACHING ? "A" : "R", ageMs);
        return String.format(Locale.ROOT, "$%s*%02X", body, checksum(body));
    }

    static int checksum(String body) {
        int x = 0;
        for (int i = 0; i < body.length(); i++) {
            x ^= body.charAt(i) & 0xff;
        }
        return x;
    }

    private static long number(String line, String name, String value, long min, long max) throws RadarFormatException {
        try {
            long v = Long.parseLong(value);
            if (v < min || v > max) {
                throw bad(line, name + " " + v + " is outside " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(line, name + " '" + value + "' is not a whole number");
        }
    }

    private static RadarFormatException bad(String line, String why) {
        return new RadarFormatException("radar line \"" + line.strip() + "\": " + why);
    }
}
