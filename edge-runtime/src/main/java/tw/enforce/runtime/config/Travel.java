package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;

/** Which way traffic in a lane is meant to move: APPROACH towards the junction (+y), OPPOSITE away from it (−y). */
public enum Travel {
    APPROACH(1), OPPOSITE(-1);

    private final int sign;

    Travel(int sign) {
        this.sign = sign;
    }

    /** +1 when lawful travel is towards +y, −1 otherwise. */
    public int sign() {
        return sign;
    }

    @JsonCreator
    public static Travel parse(String text) {
        for (Travel t : values()) {
            if (t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("travel '" + text + "' is not one of " + Arrays.toString(new String[] {"approach", "opposite"}));
    }
}
