package tw.enforce.gpio.pi4j;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import org.junit.jupiter.api.Test;

class Pi4jContextsTest {

    @Test
    void mockProviderIsChosenByName() {
        Context context = Pi4jContexts.open("mock");
        try {
            assertTrue(context.providers().exists("mock-digital-input"));
            assertTrue(context.providers().exists("mock-digital-output"));
        } finally {
            context.shutdown();
        }
    }

    @Test
    void providerWhosePluginIsMissingIsANamedErrorNotASilentFallback() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pi4jContexts.open("gpiod"));

        assertTrue(e.getMessage().contains("gpio provider gpiod is not available")
                && e.getMessage().contains("pi4j-plugin-gpiod"), e.getMessage());
    }
}
