package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.config.TestSites;

class RuleRegistryTest {
    @TempDir
    Path dir;

    @Test
    void siteEnablesRedLightAlwaysAndSpeedOnlyWithItsSection() throws Exception {
        SiteConfig full = SiteConfigLoader.load(TestSites.write(dir, TestSites.full())).config();
        RuleRegistry r = RuleRegistry.forSite(full);
        assertEquals(List.of("RED_LIGHT", "SPEED"), r.names().subList(0, 2));
        assertTrue(r.find("SPEED").isPresent());
        String plain = TestSites.full().substring(0, TestSites.full().indexOf("  speed:"));
        SiteConfig redOnly = SiteConfigLoader.load(TestSites.write(dir, plain)).config();
        assertEquals(List.of("RED_LIGHT"), RuleRegistry.forSite(redOnly).names());
        assertTrue(RuleRegistry.forReplay().find("SPEED").isPresent());
    }

    @Test
    void siteSettingsReachTheRedLightRule() throws Exception {
        SiteConfig full = SiteConfigLoader.load(TestSites.write(dir, TestSites.full())).config();
        RedLightSettings s = RedLightViolationRule.fromSite(full).settings();
        assertEquals(-10.5, s.junctionXMin());
        assertEquals(List.of("L1", "L2"), s.lanes().stream().map(RedLightSettings.Lane::id).toList(), "opposite lane L3 left out");
        assertEquals(List.of("RIGHT"), s.lanes().get(1).turnOnRed());
    }
}
