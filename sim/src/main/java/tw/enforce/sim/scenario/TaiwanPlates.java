package tw.enforce.sim.scenario;

import java.util.regex.Pattern;

/** The Taiwan registration formats the simulator paints: cars and heavy vehicles, and motorcycles. */
public final class TaiwanPlates {
    private static final Pattern FOUR_WHEEL = Pattern.compile("[A-Z]{3}-\\d{4}|[A-Z]{2}-\\d{4}|\\d{4}-[A-Z]{2}");
    private static final Pattern MOTORCYCLE = Pattern.compile("[A-Z]{3}-\\d{3}|\\d{3}-[A-Z]{3}");

    private TaiwanPlates() {
    }

    public static boolean isValid(VehicleKind kind, String plate) {
        if (plate == null) {
            return false;
        }
        return (kind == VehicleKind.MOTORCYCLE ? MOTORCYCLE : FOUR_WHEEL).matcher(plate).matches();
    }

    public static String expected(VehicleKind kind) {
        return kind == VehicleKind.MOTORCYCLE ? "ABC-123 or 123-ABC" : "ABC-1234, AB-1234 or 1234-AB";
    }
}
