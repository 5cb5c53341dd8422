package tw.enforce.runtime.detect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only models and data beside the project; tests skip when they are absent. */
final class SharedData {
    private SharedData() {
    }

    static Path require(String relative) {
        String dir = System.getProperty("enforce.shared.dir");
        assumeTrue(dir != null, "enforce.shared.dir not set: shared models/data unavailable");
        Path p = Path.of(dir).resolve(relative);
        assumeTrue(Files.isReadable(p), "shared file not present: " + p);
        return p;
    }
}
