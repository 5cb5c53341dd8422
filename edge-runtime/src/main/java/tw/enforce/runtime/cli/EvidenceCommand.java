package tw.enforce.runtime.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edgectl evidence ...}: list, export, verify and replay evidence packages. */
@Command(name = "evidence", description = "List, export for court, verify offline and replay evidence packages.",
        subcommands = {EvidenceListCommand.class, EvidenceExportCommand.class, EvidenceVerifyCommand.class,
            EvidenceReplayCommand.class})
final class EvidenceCommand {
    static final String DEFAULT_STATE = "/var/lib/enforce";

    /** The state folder option shared by subcommands that read the unit's store. */
    static final class State {
        @Option(names = "--state", defaultValue = DEFAULT_STATE,
                description = "Unit state folder holding unit.db, evidence/ and keys/ (default ${DEFAULT-VALUE}).")
        Path dir;

        Path db() {
            return dir.resolve("unit.db");
        }

        Path packageDir(String id) throws Exception {
            return tw.enforce.runtime.store.EvidenceIndex.find(db(), id).map(tw.enforce.runtime.store.EvidenceIndex.Row::dir)
                    .orElseThrow(() -> new IllegalArgumentException("no evidence package " + id + " in " + db()));
        }
    }
}
