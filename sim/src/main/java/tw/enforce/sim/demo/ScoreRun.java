package tw.enforce.sim.demo;

import java.nio.file.Files;
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

    public record Outcome(String scenario, RedLightScore redLight, int frames, double wallSeconds) {
    }

    public static Outcome score(Path scenarioFile, Path outDir, RunOptions.DetectorChoice choice, Path sharedDir,
                                Path spriteCache) throws Exception {
        long start = System.nanoTime();
        Scenario scenario = new ScenarioLoader().load(scenarioFile);
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
            RedLightScore s = RedLightScore.of(truth, unit.clock.epoch(),
                    ScenarioScorer.casesIn(outDir.resolve("unit/evidence")));
            return new Outcome(scenario.name(), s, unit.camera.frameCount(), (System.nanoTime() - start) / 1e9);
        }
    }
}
