package tw.enforce.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The installed template is a valid site with every section, so the documentation cannot drift from the loader. */
class SiteExampleTest {
    @Test
    void installedTemplateLoadsWithEverySection() throws Exception {
        Path example = Path.of("../install/etc/site.yaml.example");
        Assumptions.assumeTrue(Files.isReadable(example), "needs the reactor checkout (install/etc/site.yaml.example)");
        SiteConfig c = SiteConfigLoader.load(example).config();
        assertEquals(3, c.approach().lanes().size());
        assertNotNull(c.rules().speed());
        assertNotNull(c.rules().noStopping());
        assertEquals(2.0, c.rules().redLight().allRedSeconds());
    }
}
