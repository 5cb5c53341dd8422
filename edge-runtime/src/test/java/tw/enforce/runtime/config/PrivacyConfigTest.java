package tw.enforce.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyConfigTest {
    @TempDir
    Path dir;

    @Test
    void privacyMasksFacesAndOtherPlatesAndKeepsNoOriginalWhenTheSectionIsAbsent() throws Exception {
        PrivacyConfig p = SiteConfigLoader.load(write(SiteConfigLoaderTest.VALID)).config().evidence().privacy();

        assertTrue(p.maskFaces());
        assertTrue(p.maskOtherPlates());
        assertFalse(p.keepOriginal());
        assertFalse(p.maskOffenderOccupants());
        assertEquals(PrivacyConfig.AUTO, p.faceCascade());
        assertEquals(95, p.jpegQuality());
    }

    @Test
    void privacyIsReadFromTheEvidenceSection() throws Exception {
        PrivacyConfig p = SiteConfigLoader.load(write(SiteConfigLoaderTest.VALID + """
                evidence:
                  quotaMb: 100
                  privacy:
                    maskFaces: false
                    keepOriginal: true
                    faceCascade: none
                """)).config().evidence().privacy();

        assertFalse(p.maskFaces());
        assertTrue(p.maskOtherPlates());
        assertTrue(p.keepOriginal());
        assertEquals(PrivacyConfig.NONE, p.faceCascade());
    }

    @Test
    void anUnknownPrivacyKeyOrABadQualityIsRefusedNamingIt() throws Exception {
        ConfigException unknown = assertThrows(ConfigException.class, () -> SiteConfigLoader.load(write(
                SiteConfigLoaderTest.VALID + "evidence:\n  privacy:\n    blurFaces: true\n")));
        ConfigException quality = assertThrows(ConfigException.class, () -> SiteConfigLoader.load(write(
                SiteConfigLoaderTest.VALID + "evidence:\n  privacy:\n    jpegQuality: 20\n")));

        assertTrue(unknown.getMessage().contains("blurFaces") && unknown.getMessage().contains("site.yaml:"),
                unknown.getMessage());
        assertTrue(quality.getMessage().contains("evidence.privacy.jpegQuality"), quality.getMessage());
    }

    private Path write(String text) throws Exception {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, text);
        return f;
    }
}
