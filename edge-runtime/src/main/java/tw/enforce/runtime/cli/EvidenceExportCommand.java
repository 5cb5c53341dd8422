package tw.enforce.runtime.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tw.enforce.runtime.evidence.CourtExport;
import tw.enforce.runtime.evidence.FolderVerification;

@Command(name = "export", description = "Write a self-contained, verified folder for a court: media, manifest, "
        + "signature, the unit's public key and a human-readable summary (summary.txt, summary.html).")
final class EvidenceExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "Package id (see: edgectl evidence list).")
    String id;

    @Option(names = "--to", required = true, description = "Target folder (created; must be empty if it exists).")
    Path to;

    @Option(names = "--key", description = "Unit public key (default <state>/keys/unit.pub).")
    Path key;

    @Mixin
    EvidenceCommand.State state;

    @Override
    public Integer call() {
        try {
            Path dir = state.packageDir(id);
            FolderVerification v = new CourtExport().export(dir, key != null ? key : state.dir.resolve("keys/unit.pub"), to);
            System.out.println("exported " + id + " to " + to + " (verified: signature, " + v.manifest().files().size()
                    + " file hashes, manifest fields); manifest sha256 " + v.manifestSha256());
            return 0;
        } catch (Exception e) {
            System.out.println("edgectl evidence export: " + e.getMessage());
            return 1;
        }
    }
}
