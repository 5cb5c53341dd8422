package tw.enforce.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code hardware:} section of site.yaml. */
public class HardwareSectionTest {
    /** A valid site without a hardware section. */
    public static final String BASE = SiteConfigLoaderTest.VALID;

    @TempDir
    Path dir;

    @Test
    void siteWithoutTheSectionSupervisesTheCameraAndNothingElse() throws Exception {
        Hardware hw = load(BASE).hardware();
        assertTrue(hw.cameraHealth().enabled());
        assertEquals(2000, hw.cameraHealth().raiseAfterMs());
        assertEquals(5000, hw.cameraHealth().clearAfterMs());
        assertEquals(4, hw.cameraHealth().analyseEvery());
        assertNull(hw.cameraHealth().reference());
        assertNull(hw.watchdog());
        assertNull(hw.cabinetTamper());
        assertNull(hw.statusLed());
        assertNull(hw.flash());
        assertNull(hw.radar());
    }

    @Test
    void fullSectionLoadsWithDefaultsFilledIn() throws Exception {
        Hardware hw = load(BASE + """
                hardware:
                  cameraHealth: {raiseAfterMs: 3000, reference: reference.jpg}
                  watchdog: {device: /dev/watchdog}
                  cabinetTamper: {pin: 5, openWhenHigh: false}
                  statusLed: {pin: 6}
                  flash: {pin: 13}
                  radar: {device: /dev/ttyUSB0}
                """).hardware();
        assertEquals(3000, hw.cameraHealth().raiseAfterMs());
        assertEquals("reference.jpg", hw.cameraHealth().reference());
        assertEquals(1000, hw.watchdog().petEveryMs());
        assertEquals(10_000, hw.watchdog().staleAfterMs());
        assertEquals(false, hw.cabinetTamper().openWhenHigh());
        assertEquals(50, hw.cabinetTamper().debounceMs());
        assertEquals(6, hw.statusLed().pin());
        assertEquals(20, hw.flash().pulseMs());
        assertEquals(60, hw.radar().retentionSeconds());
    }

    @Test
    void twoHardwarePartsOnOnePinAreRefusedNamingBoth() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(BASE + """
                hardware:
                  statusLed: {pin: 6}
                  flash: {pin: 6}
                """));
        assertTrue(e.getMessage().contains("hardware.flash.pin 6 is already used by hardware.statusLed.pin"), e.getMessage());
    }

    @Test
    void unknownKeyAndBadValueAreRefusedWithFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(BASE + """
                hardware:
                  watchdog: {device: /dev/watchdog, petEverySeconds: 1}
                """));
        assertTrue(e.getMessage().contains("site.yaml:30"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'petEverySeconds'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> load(BASE + """
                hardware:
                  watchdog: {device: /dev/watchdog, petEveryMs: 5000, staleAfterMs: 1000}
                """));
        assertTrue(e.getMessage().contains("hardware.watchdog.staleAfterMs must be 5000..600000, got 1000"), e.getMessage());
    }

    private SiteConfig load(String text) throws Exception {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, text);
        return SiteConfigLoader.load(f).config();
    }
}
