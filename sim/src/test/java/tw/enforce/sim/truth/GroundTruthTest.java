package tw.enforce.sim.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.enforce.sim.scenario.Behaviour.OBEY;
import static tw.enforce.sim.scenario.Behaviour.RUN;
import static tw.enforce.sim.world.TestScenarios.car;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.TestScenarios;
import tw.enforce.sim.world.World;

class GroundTruthTest {
    // red comes on at 11 s; vehicles enter 80 m before the stop line
    private final World world = new World(TestScenarios.of(List.of(
            car("green", "ABC-1234", "L1", 0.0, 50, OBEY),
            car("late", "ABD-1234", "L2", 8.0, 72, RUN),      // 20 m/s: line at 12.0 s
            car("grace", "ABE-1234", "L1", 7.2, 72, RUN),     // line at 11.2 s: 0.2 s into red
            car("amber", "ABF-1234", "L2", 4.0, 72, RUN),     // line at 8.0 s: amber onset
            car("stops", "ABG-1234", "L1", 13.0, 50, OBEY))), SimClock.DEFAULT_EPOCH);

    @Test
    void redLightViolationRecordsTimeIntoRed() {
        VehicleTruth v = GroundTruth.of(world).vehicle("late");
        assertEquals(12.0, v.stopLineSeconds(), 1e-9);
        assertEquals(SignalPhase.RED, v.phaseAtStopLine());
        assertEquals(11.0, v.redOnsetSeconds(), 1e-9);
        assertEquals(1.0, v.timeIntoRedSeconds(), 1e-9);
        assertEquals(13.0, v.exitLineSeconds(), 1e-9);
        assertTrue(v.redLightViolator());
    }

    @Test
    void crossingWithinTheGraceIsRedButNotAViolation() {
        VehicleTruth v = GroundTruth.of(world).vehicle("grace");
        assertEquals(SignalPhase.RED, v.phaseAtStopLine());
        assertEquals(0.2, v.timeIntoRedSeconds(), 1e-9);
        assertFalse(v.redLightViolator());
    }

    @Test
    void amberAndGreenCrossingsHaveNoTimeIntoRed() {
        GroundTruth truth = GroundTruth.of(world);
        assertEquals(SignalPhase.AMBER, truth.vehicle("amber").phaseAtStopLine());
        assertTrue(Double.isNaN(truth.vehicle("amber").timeIntoRedSeconds()));
        assertEquals(SignalPhase.GREEN, truth.vehicle("green").phaseAtStopLine());
        assertEquals(List.of("late"), truth.violators().stream().map(VehicleTruth::vehicleId).toList());
    }

    @Test
    void stoppedVehicleCrossesOnTheNextGreen() {
        VehicleTruth v = GroundTruth.of(world).vehicle("stops");
        assertEquals(SignalPhase.GREEN, v.phaseAtStopLine());
        assertTrue(v.stopLineSeconds() > TestScenarios.NEXT_GREEN);
        assertFalse(v.redLightViolator());
    }

    @Test
    void writtenJsonCarriesTimesAsSecondsAndInstantsAndNullWhenAbsent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run/ground-truth.json");
        new GroundTruthWriter().write(world, GroundTruth.of(world), file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("2026-11-26T02:00:00Z", root.get("epoch").asText());
        assertEquals(0.3, root.get("graceSeconds").asDouble());
        JsonNode late = root.get("vehicles").get(1);
        assertEquals("late", late.get("id").asText());
        assertEquals("2026-11-26T02:00:12Z", late.get("stopLineAt").asText());
        assertEquals("2026-11-26T02:00:11Z", late.get("redOnsetAt").asText());
        assertEquals(1.0, late.get("timeIntoRedSeconds").asDouble(), 1e-9);
        assertTrue(late.get("redLightViolator").asBoolean());
        assertTrue(root.get("vehicles").get(0).get("timeIntoRedSeconds").isNull());
        assertEquals("GREEN", root.get("lampAtStart").asText());
        JsonNode firstEdge = root.get("lampEdges").get(0);
        assertEquals("GREEN", firstEdge.get("lamp").asText());
        assertEquals(8.0, firstEdge.get("seconds").asDouble());
        assertFalse(firstEdge.get("on").asBoolean());
        assertNull(root.get("vehicles").get(0).get("missing"));
    }
}
