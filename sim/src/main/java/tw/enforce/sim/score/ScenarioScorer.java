package tw.enforce.sim.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Collects the red-light cases a unit stored in its evidence folder, for scoring against the
 * scenario's ground truth. Hidden folders (a package still being written) are not cases.
 */
public final class ScenarioScorer {
    private ScenarioScorer() {
    }

    public static List<DecidedCase> casesIn(Path evidenceRoot) throws IOException {
        List<DecidedCase> out = new ArrayList<>();
        if (!Files.isDirectory(evidenceRoot)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(evidenceRoot)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!d.getFileName().toString().startsWith(".")) {
                    out.add(ManifestCases.read(d));
                }
            }
        }
        return out;
    }
}
