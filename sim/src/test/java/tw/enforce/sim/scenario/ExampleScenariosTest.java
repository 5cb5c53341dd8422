package tw.enforce.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.sim.truth.Offence;
import tw.enforce.sim.truth.RuleId;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.truth.GroundTruth;
import tw.enforce.sim.truth.VehicleTruth;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.World;

/** The scenarios shipped in sim/scenarios load, plan without overlaps, and do what their comments say. */
class ExampleScenariosTest {
    private static final Path DIR = Path.of("scenarios");

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyShippedScenarioLoadsPlansAndSurveys() throws IOException {
        List<Path> files = files();
        assertTrue(files.size() >= 3, "scenarios: " + files);
        for (Path f : files) {
            Scenario s = new ScenarioLoader().load(f);
            World w = new World(s, SimClock.DEFAULT_EPOCH);
            GroundTruth truth = GroundTruth.of(w);
            assertEquals(s.actors().vehicles().size(), truth.vehicles().size());
            assertTrue(new SiteConfigWriter().surveyPoints(s).size() >= 6, f.toString());
            for (VehicleTruth v : truth.vehicles()) {
                if (v.behaviour() == Behaviour.OBEY && v.crossedStopLine() && v.phaseAtStopLine() == SignalPhase.RED) {
                    assertTrue(v.timeIntoRedSeconds() <= truth.graceSeconds(), f + ": obeying " + v.vehicleId() + " ran the red");
                }
            }
        }
    }

    @Test
    void everyShippedScenarioGivesASiteTheRuntimeAccepts(@TempDir Path tmp) throws Exception {
        for (Path f : files()) {
            Scenario s = new ScenarioLoader().load(f);
            Path site = tmp.resolve(s.name() + ".yaml");
            new SiteConfigWriter().write(s, SiteIdentity.of("TPE-SIM-0001", "SIM-" + s.name()), site);
            SiteConfigLoader.LoadedSite loaded = SiteConfigLoader.load(site);
            assertTrue(loaded.reprojectionErrorM() < 0.05, f + ": reprojection " + loaded.reprojectionErrorM());
            assertEquals(s.road().laneCount(), loaded.config().approach().lanes().size(), f.toString());
        }
    }

    /** A file named for a rule stages at least two offences of it and at least two vehicles that commit none. */
    @Test
    void everyRuleFileHasPositivesAndHardNegatives() throws IOException {
        int ruleFiles = 0;
        for (Path f : files()) {
            String file = f.getFileName().toString();
            for (RuleId rule : RuleId.values()) {
                if (rule == RuleId.SECTION_SPEED || !file.startsWith(rule.word() + "-")) {
                    continue;
                }
                ruleFiles++;
                Scenario s = new ScenarioLoader().load(f);
                GroundTruth truth = GroundTruth.of(new World(s, SimClock.DEFAULT_EPOCH));
                assertTrue(truth.enabledRules().contains(rule), file + " enables " + rule);
                Set<String> offenders = truth.offences(rule).stream().map(Offence::vehicleId).collect(Collectors.toSet());
                long clean = s.actors().vehicles().stream().filter(v -> !offenders.contains(v.id())).count();
                if (rule != RuleId.RED_LIGHT || file.contains("hard")) {
                    assertTrue(offenders.size() >= 1, file + ": " + rule + " offences " + offenders);
                    assertTrue(clean >= 2, file + ": hard negatives for " + rule + ": " + clean);
                }
            }
        }
        assertTrue(ruleFiles >= 10, "rule-named scenario files: " + ruleFiles);
    }

    @Test
    void redLightBasicHasExactlyTwoViolatorsWithDifferentTimesIntoRed() {
        Scenario s = new ScenarioLoader().load(DIR.resolve("red-light-basic.yaml"));
        assertTrue(s.durationSeconds() >= 30 && s.durationSeconds() <= 40);
        GroundTruth truth = GroundTruth.of(new World(s, SimClock.DEFAULT_EPOCH));
        List<VehicleTruth> violators = truth.violators();
        assertEquals(List.of("v5", "v6"), violators.stream().map(VehicleTruth::vehicleId).toList());
        assertEquals(80 / (55 / 3.6) + 6.5 - 11.0, violators.get(0).timeIntoRedSeconds(), 1e-9);
        assertEquals(80 / (60 / 3.6) + 8.7 - 11.0, violators.get(1).timeIntoRedSeconds(), 1e-9);
        assertNotEquals(violators.get(0).timeIntoRedSeconds(), violators.get(1).timeIntoRedSeconds(), 0.5);
        for (VehicleTruth v : truth.vehicles()) {
            assertTrue(v.crossedExitLine(), v.vehicleId() + " leaves the junction within the run");
            if (!v.redLightViolator()) {
                assertNotEquals(SignalPhase.RED, v.phaseAtStopLine(), v.vehicleId());
            }
        }
        assertFalse(s.actors().pedestrians().isEmpty());
    }
}
