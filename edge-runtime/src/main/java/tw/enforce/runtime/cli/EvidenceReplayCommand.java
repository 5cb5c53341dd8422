package tw.enforce.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.EvidenceReplay;
import tw.enforce.runtime.rule.RuleOutcome;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.PackageFiles;

@Command(name = "replay", description = "Re-run the package's rule on the decision input recorded in it and "
        + "compare with the recorded measurement; exit code 1 on any difference.")
final class EvidenceReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "Package id, or a package folder with --dir.")
    String id;

    @Option(names = "--dir", description = "Replay this package folder instead of looking the id up in the store.")
    Path dir;

    @Mixin
    EvidenceCommand.State state;

    @Override
    public Integer call() {
        try {
            Path folder = dir != null ? dir : state.packageDir(id);
            byte[] manifestBytes = Files.readAllBytes(folder.resolve(PackageFiles.MANIFEST));
            if (tw.enforce.sync.section.PassageManifest.isPassage(manifestBytes)) {
                System.out.println("edgectl evidence replay: " + folder.getFileName() + " is a section passage record, "
                        + "not a case: the SECTION_SPEED decision is made and reproduced at the center "
                        + "(enforce-center sections --verify)");
                return 2;
            }
            EvidenceManifest m = CanonicalJson.read(manifestBytes, EvidenceManifest.class);
            EvidenceReplay.Outcome o = EvidenceReplay.replay(m);
            if (o.matches()) {
                RuleOutcome.Violation v = (RuleOutcome.Violation) o.outcome();
                System.out.printf("MATCH %s: replayed %s violation at %s%s%n", m.packageId(), v.rule(), v.eventTime(),
                        m.measurement().has("timeIntoRedSeconds")
                                ? String.format(", %.3f s into red", m.measurement().get("timeIntoRedSeconds").asDouble())
                                : Double.isNaN(v.speedKmh()) ? "" : String.format(", %.1f km/h", v.speedKmh()));
                return 0;
            }
            o.differences().forEach(d -> System.out.println("DIFFERS " + m.packageId() + ": " + d));
            return 1;
        } catch (Exception e) {
            System.out.println("edgectl evidence replay: " + e.getMessage());
            return 1;
        }
    }
}
