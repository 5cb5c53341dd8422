package tw.enforce.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sim.score.ScoreReport;

/**
 * Every scenario in sim/scenarios through the unit's real pipeline (tracker, rule, evidence
 * signing and SQLite store) with noisy ground-truth detections: no wrong ticket, no missed
 * violator, time into red within one frame interval — read back from the signed evidence.
 */
class ScenarioSuiteIT {
    @TempDir
    Path out;

    @Test
    void everyScenarioIsDecidedExactlyWithinOneFrameOfTimeIntoRed() throws Exception {
        List<ScoreRun.Outcome> outcomes = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                outcomes.add(ScoreRun.score(f, out.resolve(f.getFileName().toString()), RunOptions.DetectorChoice.TRUTH,
                        null, null));
            }
        }
        assertFalse(outcomes.isEmpty());
        ScoreReport.RuleFigures r = new ScoreReport(outcomes).redLight();
        assertTrue(r.truePositives() >= 5, "the suite holds at least five red-light runners: " + r);
        assertEquals(0, r.falsePositives(), "no wrong tickets: " + r);
        assertEquals(0, r.missed(), "no missed violators: " + r);
        assertTrue(r.maxAbsTimeIntoRedErrorS() <= 1.0 / 15, "time into red within one frame at 15 fps: " + r);
    }
}
