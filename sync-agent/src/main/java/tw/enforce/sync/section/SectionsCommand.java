package tw.enforce.sync.section;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.enforce.sync.center.CenterStore;

/**
 * {@code enforce-center sections}: indexes any passage the store holds that was not indexed yet,
 * then prints the section-speed cases; {@code --verify} derives every record again from its
 * packages (exit 4 when one does not reproduce). Prints to stdout on purpose.
 */
@Command(name = "sections", mixinStandardHelpOptions = true,
        description = "List section-speed cases (entry/exit passages paired by plate) in a center store.")
public final class SectionsCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, description = "store folder")
    Path storeDir;

    @Option(names = "--verify", description = "derive every decision record again from its two packages and compare")
    boolean verify;

    @Option(names = "--all", description = "also list void cases (pairing changed by a later passage)")
    boolean all;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(storeDir.resolve("center.db"))) {
            System.err.println("no center store in " + storeDir + " (center.db missing)");
            return 2;
        }
        try (CenterStore store = new CenterStore(storeDir, Clock.systemUTC());
             SectionCenter sections = new SectionCenter(storeDir, store, SectionPolicy.DEFAULTS, Clock.systemUTC())) {
            sections.catchUp();
            long[] passages = sections.passageCounts();
            System.out.printf("passages: %d with a readable plate, %d unread or invalid (never paired)%n",
                    passages[0], passages[1]);
            System.out.printf("%-24s %-8s %-10s %-12s %8s %-5s %-30s %-22s %-22s %s%n", "case", "section", "plate",
                    "status", "km/h", "enf", "exit passage", "entry package", "exit package", "void");
            for (SectionCase c : sections.cases()) {
                if (c.isVoid() && !all) {
                    continue;
                }
                System.out.printf("%-24s %-8s %-10s %-12s %8s %-5s %-30s %-22s %-22s %s%n", c.caseId(), c.sectionId(),
                        c.plate(), c.status(), Double.isNaN(c.speedKmh()) ? "-" : String.format("%.1f", c.speedKmh()),
                        c.enforceable() ? "yes" : "no", c.eventTime(), c.entryPackage() == null ? "-" : c.entryPackage(),
                        c.exitPackage(), c.voidReason() == null ? "" : c.voidReason());
            }
            if (verify) {
                List<String> problems = sections.verify();
                problems.forEach(p -> System.out.println("NOT REPRODUCED " + p));
                System.out.println(problems.isEmpty() ? "every decision record reproduces from its packages"
                        : problems.size() + " decision record(s) do not reproduce");
                return problems.isEmpty() ? 0 : 4;
            }
        }
        return 0;
    }
}
