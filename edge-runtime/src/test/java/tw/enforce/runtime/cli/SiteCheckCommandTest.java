package tw.enforce.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.config.TestSites;

class SiteCheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void validSitePrintsErrorsPerPointEnabledRulesAndWhereEachElementIs() throws Exception {
        Path f = TestSites.write(dir, TestSites.full());
        EdgectlEvidenceTest.Run r = EdgectlEvidenceTest.edgectl("site", "check", f.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().startsWith("OK "), r.out());
        assertTrue(r.out().contains("  #9 "), "one line per surveyed point: " + r.out());
        assertTrue(r.out().matches("(?s).*reprojection error: mean 0\\.0\\d\\d m, max 0\\.0\\d\\d m.*"), r.out());
        assertTrue(r.out().contains("rules enabled: RED_LIGHT, SPEED"), r.out());
        // CW1's near-left corner (−7, 3): the camera puts it at (794, 344)
        assertTrue(r.out().contains("  crosswalk CW1: (-7.0, 3.0)->(794, 344)"), r.out());
        assertTrue(r.out().contains("  no-stopping zone Z1: "), r.out());
    }

    @Test
    void refusedSiteExitsOneNamingTheElement() throws Exception {
        Path f = TestSites.write(dir, TestSites.full().replace("junction: {xMin: -10.5, xMax: 10.5}", "junction: {xMin: -2.0, xMax: 10.5}"));
        EdgectlEvidenceTest.Run r = EdgectlEvidenceTest.edgectl("site", "check", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("REFUSED ") && r.out().contains("approach.junction"), r.out());
    }
}
