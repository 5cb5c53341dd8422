package tw.enforce.sim.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.config.ConfigException;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.ScenarioLoader;

class SectionScenarioTest {
    private static final Path SHIPPED = Path.of("scenarios/section/section-speed-basic.yaml");

    @TempDir
    Path tmp;

    @Test
    void shippedSectionScenarioLoadsWithDefaults() throws Exception {
        SectionScenario s = SectionScenario.load(SHIPPED);
        assertEquals(1200, s.section().lengthM());
        assertEquals(10, s.vehicles().size());
        assertEquals(null, s.vehicles().get(4).readAt("entry"));
        assertEquals("BEE-8883", s.vehicles().get(5).readAt("exit"));
        assertEquals("KLA-5501", s.vehicles().get(0).readAt("exit"));
    }

    @Test
    void unknownKeyIsRefusedWithFileAndLine() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, Files.readString(SHIPPED).replace("lineY: -10.0}", "lineY: -10.0, lenghtM: 3}"));
        ConfigException e = assertThrows(ConfigException.class, () -> SectionScenario.load(f));
        assertTrue(e.getMessage().contains("bad.yaml:") && e.getMessage().contains("unknown key 'lenghtM'"), e.getMessage());
    }

    @Test
    void exitUnitScenarioPlacesEachVehicleSoItsAverageOverTheSectionIsAsGiven() throws Exception {
        SectionScenario s = SectionScenario.load(SHIPPED);
        Scenario exit = new ScenarioLoader().load(UnitScenarios.write(s, "exit", tmp.resolve("exit.yaml")));
        Scenario entry = new ScenarioLoader().load(UnitScenarios.write(s, "entry", tmp.resolve("entry.yaml")));
        assertEquals(9, exit.actors().vehicles().size(), "v9 leaves between the units");
        assertEquals(9, entry.actors().vehicles().size(), "v10 joins between the units");
        SectionScenario.Vehicle v1 = s.vehicles().get(0);
        double elapsed = UnitScenarios.plannedCrossing(s, v1, "exit") - UnitScenarios.plannedCrossing(s, v1, "entry");
        assertEquals(90.0, 1200 * 3.6 / elapsed, 1e-9);
    }
}
