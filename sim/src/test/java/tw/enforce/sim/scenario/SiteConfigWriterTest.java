package tw.enforce.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.geometry.Homography;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.PointPair;
import tw.enforce.runtime.geometry.WorldPoint;
import tw.enforce.sim.world.TestScenarios;

class SiteConfigWriterTest {
    private final Scenario scenario = TestScenarios.of(List.of());
    private final SiteIdentity id = new SiteIdentity("TPE-0001", "TPE-XINYI-KEELUNG-N", "cam-1", "CAL-2026-0042",
            LocalDate.of(2027, 6, 30), "northbound");

    @Test
    void surveyedPointsMapBackToTheRoadWithinFiveCentimetres() {
        List<PointPair> points = new SiteConfigWriter().surveyPoints(scenario);
        assertEquals(9, points.size(), "three lane lines at the stop line, the exit line and 10 m up the approach");
        for (PointPair p : points) {
            assertEquals(p.image().u(), Math.round(p.image().u() * 10) / 10.0, 1e-9, "rounded to 0.1 px");
        }
        Homography h = Homography.imageToWorld(points);
        for (PointPair p : points) {
            assertTrue(h.toWorld(p.image()).distanceTo(p.world()) < 0.05, p + " maps to " + h.toWorld(p.image()));
        }
        // a point that was not surveyed: the middle of lane L2 halfway across the junction
        ImagePoint mid = scenario.cameraModel().project(1.75, 10, 0);
        assertTrue(h.toWorld(mid).distanceTo(new WorldPoint(1.75, 10)) < 0.05);
    }

    @Test
    void writtenSiteConfigHasEveryRequiredKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("site.yaml");
        new SiteConfigWriter().write(scenario, id, file);
        JsonNode root = new YAMLMapper().readTree(Files.readString(file));
        assertEquals("TPE-0001", root.at("/unit/id").asText());
        assertEquals("TPE-XINYI-KEELUNG-N", root.at("/unit/site").asText());
        assertEquals(1280, root.at("/camera/width").asInt());
        assertEquals(720, root.at("/camera/height").asInt());
        assertEquals("CAL-2026-0042", root.at("/calibration/id").asText());
        assertEquals("2027-06-30", root.at("/calibration/validUntil").asText());
        assertEquals(9, root.at("/calibration/points").size());
        assertEquals(0.0, root.at("/approach/stopLineY").asDouble());
        assertEquals(20.0, root.at("/approach/exitLineY").asDouble());
        assertEquals("L2", root.at("/approach/lanes/1/id").asText());
        assertEquals(0.0, root.at("/approach/lanes/1/xMin").asDouble());
        assertEquals(3.5, root.at("/approach/lanes/1/xMax").asDouble());
        assertEquals(17, root.at("/signal/redPin").asInt());
        assertEquals(27, root.at("/signal/amberPin").asInt());
        assertEquals(22, root.at("/signal/greenPin").asInt());
        assertEquals(0.3, root.at("/rules/redLight/graceSeconds").asDouble());
        List<String> topKeys = new ArrayList<>();
        root.fieldNames().forEachRemaining(topKeys::add);
        assertEquals(List.of("unit", "camera", "calibration", "approach", "signal", "rules"), topKeys);
    }

    @Test
    void cameraThatCannotSeeTheRoadMarksIsRefused() {
        Scenario blind = new Scenario("blind", 10.0, null, 1L, null,
                new CameraSpec(null, null, null, null, null, 0.0, null, null),
                TestScenarios.road(null), TestScenarios.signal(), null, new Actors(null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SiteConfigWriter().surveyPoints(blind));
        assertTrue(e.getMessage().contains("blind"), e.getMessage());
    }

    @Test
    void roundThreeGeometryAndRulesAreWrittenAsTheRuntimeReadsThem(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, RoundThreeKeysLoaderTest.FULL);
        Scenario s = new ScenarioLoader().load(f);
        JsonNode root = new YAMLMapper().readTree(new SiteConfigWriter().render(s, id));
        JsonNode a = root.get("approach");
        assertEquals(-12.0, a.at("/junction/xMin").asDouble());
        assertEquals("opposite", a.at("/lanes/0/travel").asText());
        assertEquals("uTurn", a.at("/lanes/1/movements/2").asText());
        assertEquals(40.0, a.at("/lanes/1/classSpeedLimitKmh/MOTORCYCLE").asDouble());
        assertEquals("TRUCK", a.at("/lanes/1/bannedClasses/0").asText());
        assertEquals(List.of("straight", "left", "right"), List.of(a.at("/lanes/2/movements/0").asText(),
                a.at("/lanes/2/movements/1").asText(), a.at("/lanes/2/movements/2").asText()));
        assertEquals("CW1", a.at("/crosswalks/0/id").asText());
        assertEquals("busStop", a.at("/noStoppingZones/0/kind").asText());
        assertEquals(3, a.at("/noStoppingZones/0/polygon").size());
        assertEquals(-30.0, a.at("/doubleLines/0/from/y").asDouble());
        JsonNode r = root.get("rules");
        assertEquals(-20.0, r.at("/speed/fromY").asDouble());
        assertEquals(3.0, r.at("/yield/conflictDistanceM").asDouble());
        assertTrue(r.has("lineCrossing") && r.has("turn"));
        assertEquals(6.0, r.at("/wrongWay/minDistanceM").asDouble());
        assertEquals(-2.0, r.at("/restrictedClass/checkY").asDouble());
        assertEquals(2.0, r.at("/noStopping/standingKmh").asDouble());
    }

    @Test
    void legacyScenarioGetsExactlyTheLegacySections() {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(new SiteConfigWriter().render(scenario, id));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<String> approachKeys = new ArrayList<>();
        root.get("approach").fieldNames().forEachRemaining(approachKeys::add);
        assertEquals(List.of("name", "stopLineY", "exitLineY", "lanes"), approachKeys);
        List<String> ruleKeys = new ArrayList<>();
        root.get("rules").fieldNames().forEachRemaining(ruleKeys::add);
        assertEquals(List.of("redLight"), ruleKeys);
        assertEquals(3, root.at("/approach/lanes/0").size(), "id, xMin, xMax only");
    }
}
