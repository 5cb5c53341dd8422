package tw.enforce.runtime.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tw.enforce.runtime.store.EvidenceIndex;

@Command(name = "list", description = "List the stored evidence packages with their outbox state.")
final class EvidenceListCommand implements Callable<Integer> {
    @Mixin
    EvidenceCommand.State state;

    @Override
    public Integer call() {
        try {
            List<EvidenceIndex.Row> rows = EvidenceIndex.read(state.db());
            System.out.printf("%-24s %8s  %-24s  %-12s  %s%n", "PACKAGE", "SEQ", "STORED (UTC)", "OUTBOX", "MEDIA");
            for (EvidenceIndex.Row r : rows) {
                System.out.printf("%-24s %8d  %-24s  %-12s  %s%n", r.packageId(), r.sequence(),
                        Instant.ofEpochMilli(r.createdAtMillis()), r.outboxState() == null ? "-" : r.outboxState(),
                        r.mediaPruned() ? "pruned (acknowledged)" : "kept");
            }
            System.out.println(rows.size() + " package(s)");
            return 0;
        } catch (Exception e) {
            System.out.println("edgectl evidence list: " + e.getMessage());
            return 1;
        }
    }
}
