package tw.enforce.gpio.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.provider.Provider;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pi4J context for the GPIO provider named in the site config: {@code gpiod} on current Raspberry
 * Pi OS (needs {@code com.pi4j:pi4j-plugin-gpiod} on the class path), {@code linuxfs}, {@code pigpio},
 * or {@code mock} (tests, simulator; needs pi4j-plugin-mock). Pi4J 2.5+ loads one provider per I/O
 * type from the class path; this checks that the one loaded for digital inputs and outputs is the one
 * configured, so a unit never silently runs on another provider (or none).
 */
public final class Pi4jContexts {

    private static final Logger log = LoggerFactory.getLogger(Pi4jContexts.class);

    private Pi4jContexts() {
    }

    /**
     * Builds the context; the caller shuts it down.
     *
     * @throws IllegalStateException naming the provider asked for and the ones found, when the
     *                               configured provider's plugin is not on the class path
     */
    public static Context open(String provider) {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("gpio provider name is empty (expected gpiod, linuxfs, pigpio or mock)");
        }
        if (provider.equals("mock")) {
            return MockGpio.newMockContext();
        }
        Context context = Pi4J.newContextBuilder().autoDetect().build();
        Set<String> found = new TreeSet<>();
        found.addAll(ids(context, IOType.DIGITAL_INPUT).keySet());
        found.addAll(ids(context, IOType.DIGITAL_OUTPUT).keySet());
        String input = provider + "-digital-input";
        String output = provider + "-digital-output";
        if (!found.contains(input) || !found.contains(output)) {
            context.shutdown();
            throw new IllegalStateException("gpio provider " + provider + " is not available: need Pi4J providers "
                    + input + " and " + output + ", found " + (found.isEmpty() ? "none" : found)
                    + " (is com.pi4j:pi4j-plugin-" + provider + " on the class path?)");
        }
        log.info("gpio on Pi4J provider {} ({})", provider, found);
        return context;
    }

    private static Map<String, Provider> ids(Context context, IOType type) {
        try {
            return context.providers().all(type);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
