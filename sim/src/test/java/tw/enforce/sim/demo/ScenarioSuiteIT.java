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
 * Every scenario in sim/scenarios through the unit's real pipeline (tracker, rules, evidence
 * signing and SQLite store) with noisy ground-truth detections: for every rule the unit decides,
 * no wrong ticket and no missed offence; time into red within one frame interval — read back from
 * the signed evidence. Rules the unit does not decide yet are skipped (their offences are listed
 * by `bin/sim score` as not decided), never counted as passed.
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
        ScoreReport report = new ScoreReport(outcomes);
        ScoreReport.RuleFigures r = report.redLight();
        assertTrue(r.truePositives() >= 5, "the suite holds at least five red-light runners: " + r);
        for (ScoreReport.RuleFigures f : report.rules()) {
            if (f.decided()) {
                assertEquals(0, f.falsePositives(), "no wrong tickets: " + f);
                assertEquals(0, f.missed(), "no missed offences: " + f);
            }
        }
        double frame = 1.0 / outcomes.stream().mapToInt(ScoreRun.Outcome::fps).max().orElse(15);
        for (ScoreRun.Outcome o : outcomes) {
            for (var m : o.redLight().matches()) {
                assertTrue(Math.abs(m.timeIntoRedErrorSeconds()) <= 1.0 / o.fps(),
                        o.scenario() + ": time into red within one frame at " + o.fps() + " fps: " + m);
            }
        }
        assertTrue(r.maxAbsTimeIntoRedErrorS() <= 1.0 / 15, "time into red within one frame at 15 fps: " + r + " (" + frame + ")");
    }
}
