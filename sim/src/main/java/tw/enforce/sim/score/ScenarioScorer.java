package tw.enforce.sim.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Collects the cases a unit stored in its evidence folder, for scoring against the scenario's
 * ground truth. Hidden folders (a package still being written) are not cases.
 */
public final class ScenarioScorer {
    private ScenarioScorer() {
    }

    /** Every case, whatever its rule. */
    public static List<RuleCase> ruleCasesIn(Path evidenceRoot) throws IOException {
        List<RuleCase> out = new ArrayList<>();
        for (Path d : packageDirs(evidenceRoot)) {
            out.add(RuleCase.read(d));
        }
        return out;
    }

    /** The red-light cases only, in the red-light scorer's shape. */
    public static List<DecidedCase> casesIn(Path evidenceRoot) throws IOException {
        List<DecidedCase> out = new ArrayList<>();
        for (Path d : packageDirs(evidenceRoot)) {
            if ("RED_LIGHT".equals(RuleCase.read(d).rule())) {
                out.add(ManifestCases.read(d));
            }
        }
        return out;
    }

    private static List<Path> packageDirs(Path evidenceRoot) throws IOException {
        if (!Files.isDirectory(evidenceRoot)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(evidenceRoot)) {
            return dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
