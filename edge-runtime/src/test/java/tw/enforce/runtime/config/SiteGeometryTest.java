package tw.enforce.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.geometry.ImagePoint;

class SiteGeometryTest {
    @TempDir
    Path dir;

    private SiteConfigLoader.LoadedSite load(String text) throws Exception {
        return SiteConfigLoader.load(TestSites.write(dir, text));
    }

    private String refused(String text) throws Exception {
        Path f = TestSites.write(dir, text);
        return assertThrows(ConfigException.class, () -> SiteConfigLoader.load(f)).getMessage();
    }

    @Test
    void fullSiteLoadsEverySectionWithItsDefaults() throws Exception {
        SiteConfigLoader.LoadedSite site = load(TestSites.full());
        SiteConfig.Approach a = site.config().approach();
        SiteConfig.Lane l1 = a.lane("L1");
        assertEquals(List.of(Movement.STRAIGHT, Movement.LEFT, Movement.U_TURN), l1.movements());
        assertEquals(Travel.APPROACH, l1.travel());
        assertEquals(40.0, l1.speedLimitKmhFor("MOTORCYCLE").getAsDouble());
        assertEquals(50.0, l1.speedLimitKmhFor("CAR").getAsDouble());
        assertTrue(l1.bans("truck"));
        assertEquals(List.of(Movement.RIGHT), a.lane("L2").turnOnRed());
        assertEquals(Travel.OPPOSITE, a.lane("L3").travel());
        assertEquals(SiteConfig.Lane.DEFAULT_MOVEMENTS, a.lane("L3").movements());
        assertFalse(a.lane("L3").speedLimitKmhFor("CAR").isPresent());
        assertEquals(-10.5, a.junction().xMin());
        assertTrue(a.crosswalks().get(0).contains(0, 5));
        assertEquals(ZoneKind.RED_ZONE, a.noStoppingZones().get(0).kind());
        assertTrue(a.noStoppingZones().get(0).contains(5, -20));
        assertFalse(a.noStoppingZones().get(0).contains(2, -20));
        assertEquals(40.0, a.doubleLines().get(0).lengthM(), 1e-9);
        SiteConfig.Rules r = site.config().rules();
        assertEquals(-15.0, r.speed().middleY());
        assertEquals(3.0, r.speed().radarToleranceKmh());
        assertEquals(8.0, r.wrongWay().minDistanceM());
        assertNull(r.restrictedClass().checkY());
        assertNotNull(r.lineCrossing());
        assertEquals("entry", r.sectionSpeed().role());
        assertTrue(site.reprojectionErrorM() < 0.05, "reprojection " + site.reprojectionErrorM());
    }

    @Test
    void siteWithoutTheNewSectionsStillLoadsWithNothingExtraEnabled() throws Exception {
        SiteConfig c = load(SiteConfigLoaderTest.VALID).config();
        assertNull(c.rules().speed());
        assertTrue(c.approach().crosswalks().isEmpty());
        assertEquals(0.0, c.approach().stopLineY(c.approach().lane("L1")));
        assertEquals(SiteConfig.Lane.DEFAULT_MOVEMENTS, c.approach().lane("L1").movements());
    }

    @Test
    void laneStopLineOverridesTheApproachDefault() throws Exception {
        SiteConfig c = load(TestSites.full().replace("      xMax: 3.5\n      movements: [straight, right]",
                "      xMax: 3.5\n      stopLineY: -2.0\n      movements: [straight, right]")).config();
        assertEquals(-2.0, c.approach().stopLineAt(1.0));
        assertEquals(0.0, c.approach().stopLineAt(-1.0));
    }

    @Test
    void laneWithoutAnyStopLineIsRefused() throws Exception {
        String m = refused(TestSites.full().replace("  stopLineY: 0.0\n", ""));
        assertTrue(m.contains("lane L1") && m.contains("no stop line"), m);
    }

    @Test
    void unknownKeyInANewSectionNamesItsLine() throws Exception {
        String text = TestSites.full().replace("wrongWay: {minDistanceM: 8.0}", "wrongWay: {minDistance: 8.0}");
        String m = refused(text);
        assertTrue(m.contains("unknown key 'minDistance'"), m);
        int line = text.substring(0, text.indexOf("wrongWay:")).split("\n").length;
        assertTrue(m.contains("site.yaml:" + line), m);
    }

    @Test
    void badMovementNamesTheAcceptedOnes() throws Exception {
        String m = refused(TestSites.full().replace("[straight, left, uTurn]", "[straight, sideways]"));
        assertTrue(m.contains("sideways") && m.contains("uTurn"), m);
    }

    @Test
    void turnOnRedMustBeAnAllowedMovement() throws Exception {
        String m = refused(TestSites.full().replace("movements: [straight, right]", "movements: [straight]"));
        assertTrue(m.contains("lane L2") && m.contains("turnOnRed"), m);
    }

    @Test
    void overlappingLanesAreRefused() throws Exception {
        String m = refused(TestSites.full().replace("{id: L3, xMin: 3.5,", "{id: L3, xMin: 3.0,"));
        assertTrue(m.contains("L2") && m.contains("L3") && m.contains("overlap"), m);
    }

    @Test
    void junctionNarrowerThanTheLanesIsRefused() throws Exception {
        String m = refused(TestSites.full().replace("junction: {xMin: -10.5, xMax: 10.5}", "junction: {xMin: -3.0, xMax: 10.5}"));
        assertTrue(m.contains("approach.junction") && m.contains("narrower"), m);
    }

    @Test
    void crosswalkCornerOutsideTheImageIsRefused() throws Exception {
        String m = refused(TestSites.full().replace("xMin: -7.0, xMax: 7.0}", "xMin: -40.0, xMax: 7.0}"));
        assertTrue(m.contains("crosswalk CW1") && m.contains("outside the 1280x720 image"), m);
    }

    @Test
    void zoneBehindTheCameraIsRefusedNotMirroredIntoTheImage() throws Exception {
        String m = refused(TestSites.full().replace("{x: 6.0, y: -10}, {x: 3.5, y: -10}", "{x: 6.0, y: 80}, {x: 3.5, y: 80}"));
        assertTrue(m.contains("no-stopping zone Z1") && m.contains("(6.0, 80.0)"), m);
    }

    @Test
    void doubleLineOutsideTheImageIsRefused() throws Exception {
        String m = refused(TestSites.full().replace("from: {x: 3.5, y: -40.0}", "from: {x: 60.0, y: -40.0}"));
        assertTrue(m.contains("double line D1"), m);
    }

    @Test
    void nearlyCollinearSurveyIsRefused() throws Exception {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            pts.append(String.format("    - {u: %d, v: %d, x: %.2f, y: %d}%n", 500 + 40 * i, 300 + 80 * i + (i == 2 ? 1 : 0),
                    i == 2 ? 0.05 : 0.0, 10 * i - 20));
        }
        String m = refused(TestSites.full().replace(TestSites.calibrationPoints(), pts.toString()));
        assertTrue(m.contains("calibration.points") && m.contains("one line"), m);
    }

    @Test
    void speedZoneOutsideTheCalibratedAreaIsRefused() throws Exception {
        String m = refused(TestSites.full().replace("fromY: -25.0", "fromY: -45.0"));
        assertTrue(m.contains("rules.speed") && m.contains("calibrated area"), m);
    }

    @Test
    void ruleSectionWithoutItsGeometryIsRefused() throws Exception {
        String noJunction = refused(TestSites.full().replace("  junction: {xMin: -10.5, xMax: 10.5}\n", ""));
        assertTrue(noJunction.contains("rules.turn") && noJunction.contains("approach.junction"), noJunction);
        String noCrosswalk = refused(TestSites.full().replace("    - {id: CW1, yMin: 3.0, yMax: 7.0, xMin: -7.0, xMax: 7.0}\n", "    []\n")
                .replace("  crosswalks:\n    []", "  crosswalks: []"));
        assertTrue(noCrosswalk.contains("rules.yield") && noCrosswalk.contains("approach.crosswalks"), noCrosswalk);
        String noLimit = refused(TestSites.full().replace("      speedLimitKmh: 50\n", "").replace("      classSpeedLimitKmh: {MOTORCYCLE: 40}\n", ""));
        assertTrue(noLimit.contains("rules.speed") && noLimit.contains("speedLimitKmh"), noLimit);
    }

    @Test
    void duplicateElementIdsAreRefused() throws Exception {
        String m = refused(TestSites.full().replace("{id: CW1,", "{id: L1,"));
        assertTrue(m.contains("'L1'") && m.contains("unique"), m);
    }

    @Test
    void unknownVehicleClassInALaneIsRefused() throws Exception {
        String m = refused(TestSites.full().replace("bannedClasses: [TRUCK]", "bannedClasses: [TRAM]"));
        assertTrue(m.contains("TRAM") && m.contains("bannedClasses"), m);
    }

    @Test
    void everyElementProjectsWhereTheCameraSeesIt() throws Exception {
        SiteConfigLoader.LoadedSite site = load(TestSites.full());
        SiteElement cw = SiteGeometry.elements(site.config()).stream().filter(e -> e.name().equals("crosswalk CW1")).findFirst().orElseThrow();
        ImagePoint got = SiteGeometry.project(site.config(), site.worldToImage(), cw.points().get(0));
        ImagePoint want = TestSites.CAMERA.project(-7.0, 3.0, 0);
        assertEquals(want.u(), got.u(), 0.5);
        assertEquals(want.v(), got.v(), 0.5);
        assertTrue(ObjectClass.valueOf("TRUCK") != null);
    }
}
