package tw.enforce.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigLoaderTest {
    static final String VALID = """
            unit:
              id: TPE-0001
              site: TPE-XINYI-N
            camera:
              id: cam-1
              width: 1280
              height: 720
            calibration:
              id: CAL-1
              validUntil: 2027-06-30
              points:
                - {u: 100, v: 700, x: -3.5, y: 20}
                - {u: 1180, v: 700, x: 3.5, y: 20}
                - {u: 500, v: 300, x: -3.5, y: 0}
                - {u: 780, v: 300, x: 3.5, y: 0}
            approach:
              name: northbound
              stopLineY: 0
              exitLineY: 20
              lanes:
                - {id: L1, xMin: -3.5, xMax: 0}
            signal:
              redPin: 17
              amberPin: 27
              greenPin: 22
            rules:
              redLight:
                graceSeconds: 0.3
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void validSiteLoadsWithDefaultsAndAnExactHomography() throws Exception {
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(write(VALID));
        assertEquals("TPE-0001", site.config().unit().id());
        assertEquals(20, site.config().signal().debounceMs());
        assertTrue(site.config().signal().activeHigh());
        assertTrue(site.reprojectionErrorM() < 1e-6);
        assertEquals(64, site.sha256().length());
    }

    @Test
    void unknownKeyNamesFileLineAndKey() throws Exception {
        Path f = write(VALID.replace("  graceSeconds: 0.3", "  graceSeconds: 0.3\n    graceSecs: 1"));
        ConfigException e = assertThrows(ConfigException.class, () -> SiteConfigLoader.load(f));
        assertTrue(e.getMessage().contains("site.yaml:29"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'graceSecs'"), e.getMessage());
    }

    @Test
    void missingKeyIsNamed() throws Exception {
        Path f = write(VALID.replace("  exitLineY: 20\n", ""));
        ConfigException e = assertThrows(ConfigException.class, () -> SiteConfigLoader.load(f));
        assertTrue(e.getMessage().contains("exitLineY"), e.getMessage());
        assertTrue(e.getMessage().matches(".*site.yaml:\\d+: .*"), e.getMessage());
    }

    @Test
    void badValueSaysWhatWasExpected() throws Exception {
        Path f = write(VALID.replace("exitLineY: 20", "exitLineY: -5"));
        ConfigException e = assertThrows(ConfigException.class, () -> SiteConfigLoader.load(f));
        assertTrue(e.getMessage().contains("exitLineY (-5.0) must lie beyond"), e.getMessage());
        assertTrue(e.getMessage().matches(".*site.yaml:\\d+: .*"), e.getMessage());
    }

    @Test
    void wrongTypeIsRefusedWithLine() throws Exception {
        Path f = write(VALID.replace("redPin: 17", "redPin: red"));
        ConfigException e = assertThrows(ConfigException.class, () -> SiteConfigLoader.load(f));
        assertTrue(e.getMessage().contains("site.yaml:23"), e.getMessage());
        assertTrue(e.getMessage().contains("redPin"), e.getMessage());
    }

    @Test
    void collinearSurveyPointsAreRefused() throws Exception {
        Path f = write(VALID.replace("{u: 500, v: 300, x: -3.5, y: 0}", "{u: 500, v: 300, x: 0, y: 20}")
                .replace("{u: 780, v: 300, x: 3.5, y: 0}", "{u: 780, v: 300, x: 1, y: 20}"));
        ConfigException e = assertThrows(ConfigException.class, () -> SiteConfigLoader.load(f));
        assertTrue(e.getMessage().contains("calibration.points"), e.getMessage());
    }

    @Test
    void missingFileNamesThePath() {
        ConfigException e = assertThrows(ConfigException.class, () -> SiteConfigLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("nope.yaml: no such file"), e.getMessage());
    }

    @Test
    void evidenceQuotaAndClockLimitAreReadWithDefaultsWhenAbsent() throws Exception {
        assertEquals(SiteConfig.Evidence.DEFAULTS, SiteConfigLoader.load(write(VALID)).config().evidence());
        SiteConfig.Evidence e = SiteConfigLoader.load(write(VALID + "evidence:\n  quotaMb: 2048\n  maxClockOffsetMs: 250\n"))
                .config().evidence();
        assertEquals(2048L, e.quotaMb());
        assertEquals(250, e.maxClockOffsetMs());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> SiteConfigLoader.load(write(VALID + "evidence:\n  quotaMb: -1\n")));
        assertTrue(bad.getMessage().contains("evidence.quotaMb"), bad.getMessage());
    }
}
