package tw.enforce.sim.demo;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tw.enforce.sim.score.RuleCase;
import tw.enforce.sim.score.RuleScore;
import tw.enforce.sim.truth.RuleId;
import java.nio.file.Path;
import tw.enforce.sim.render.FlatRenderer;
import tw.enforce.sim.render.IntersectionRenderer;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.ScenarioLoader;
import tw.enforce.sim.score.RedLightScore;
import tw.enforce.sim.score.ScenarioScorer;
import tw.enforce.sim.truth.GroundTruth;
import tw.enforce.sim.truth.GroundTruthWriter;

/**
 * One scenario through the unit alone (no network): its decisions, read back from the evidence it
 * signed and stored, against the scenario's ground truth. With the ground-truth detector frames
 * are not rendered, so a scenario scores in seconds.
 */
public final class ScoreRun {
    private ScoreRun() {
    }

    /**
     * One scenario's scores: red light in its own shape (the demo's), every rule that is enabled in
     * the scenario or has cases, which rules the scenario enables and which the unit decides.
     */
    public record Outcome(String scenario, RedLightScore redLight, List<RuleScore> rules, Set<RuleId> enabled,
                          Set<RuleId> decided, GroundTruth truth, int fps, int frames, double wallSeconds) {

        public RuleScore rule(RuleId id) {
            return rules.stream().filter(r -> r.rule() == id).findFirst().orElse(null);
        }
    }

    public static Outcome score(Path scenarioFile, Path outDir, RunOptions.DetectorChoice choice, Path sharedDir,
                                Path spriteCache) throws Exception {
        return score(new ScenarioLoader().load(scenarioFile), scenarioFile, outDir, choice, sharedDir, spriteCache);
    }

    /** One scenario built in code (or already loaded); {@code source} is only recorded in the run options. */
    public static Outcome score(Scenario scenario, Path source, Path outDir, RunOptions.DetectorChoice choice, Path sharedDir,
                                Path spriteCache) throws Exception {
        long start = System.nanoTime();
        Path scenarioFile = source;
        Files.createDirectories(outDir);
        RunOptions o = new RunOptions(scenarioFile, outDir, choice, sharedDir, null, spriteCache);
        var renderer = choice == RunOptions.DetectorChoice.TRUTH
                ? new FlatRenderer(scenario.cameraModel().imageWidth(), scenario.cameraModel().imageHeight())
                : new IntersectionRenderer(scenario.cameraModel(), scenario.roadLayout(),
                        IntersectionRun.sprites(o), scenario.seed());
        try (SimulatedUnit unit = new SimulatedUnit(scenario, outDir.resolve("unit"),
                world -> DetectorFactory.make(o, scenario, world).detector(), renderer,
                choice == RunOptions.DetectorChoice.TRUTH ? null : DetectorFactory.plateReader(o), p -> { })) {
            unit.runToEnd();
            GroundTruth truth = GroundTruth.of(unit.world);
            new GroundTruthWriter().write(unit.world, truth, outDir.resolve("ground-truth.json"));
            Path evidence = outDir.resolve("unit/evidence");
            RedLightScore s = RedLightScore.of(truth, unit.clock.epoch(), ScenarioScorer.casesIn(evidence));
            List<RuleCase> cases = ScenarioScorer.ruleCasesIn(evidence);
            Set<RuleId> scored = EnumSet.copyOf(truth.enabledRules());
            for (RuleCase c : cases) {
                RuleId id = RuleId.ofManifest(c.rule());
                if (id == null) {
                    throw new IllegalStateException(evidence + ": case " + c.packageId() + " has unknown rule '" + c.rule() + "'");
                }
                scored.add(id);
            }
            List<RuleScore> rules = new ArrayList<>();
            for (RuleId id : scored) {
                rules.add(RuleScore.of(id, truth.offences(), unit.clock.epoch(), cases));
            }
            return new Outcome(scenario.name(), s, List.copyOf(rules), truth.enabledRules(), unit.decidedRules, truth,
                    scenario.fps(), unit.camera.frameCount(), (System.nanoTime() - start) / 1e9);
        }
    }
}
