package tw.enforce.sim.section;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tw.enforce.sim.demo.DemoReport;
import tw.enforce.sync.section.SectionCase;

/**
 * {@code bin/sim section FILE…}: each section run (two units, MQTT 5, one center) and its
 * SECTION_SPEED precision, recall and speed error against the truth. Prints to stdout on purpose;
 * exit 1 when a run ticketed a vehicle that was not an offender.
 */
@Command(name = "section", mixinStandardHelpOptions = true,
        description = "Run section-speed scenarios (two units, one center) and score SECTION_SPEED.")
public final class SectionCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Section scenario files (sim/scenarios/section/*.yaml).")
    List<Path> files;

    @Option(names = "--out", defaultValue = "${sys:java.io.tmpdir}/sim-section",
            description = "Working folder, one subfolder per scenario (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--broker", description = "MQTT broker URI; default: an embedded MQTT 5 broker on loopback.")
    String broker;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DemoReport.prepareOutDir(out);
        List<SectionRun.Outcome> outcomes = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            outcomes.add(SectionRun.run(f, out.resolve(name), broker));
        }
        int falsePositives = 0;
        List<String> jsonRuns = new ArrayList<>();
        for (SectionRun.Outcome o : outcomes) {
            SectionScore s = o.score();
            falsePositives += s.falsePositives();
            if (json) {
                jsonRuns.add(String.format(Locale.ROOT, "{\"scenario\":\"%s\",\"rule\":\"SECTION_SPEED\",\"offenders\":%d,"
                        + "\"truePositives\":%d,\"falsePositives\":%d,\"missed\":%d,\"precision\":%.4f,\"recall\":%.4f,"
                        + "\"pairableOffenders\":%d,\"decidedPairs\":%d,\"ambiguous\":%d,\"conflicts\":%d,"
                        + "\"speedErrorKmh\":{\"meanAbs\":%.4f,\"p95Abs\":%.4f,\"maxAbs\":%.4f},"
                        + "\"passages\":{\"plateRead\":%d,\"unreadOrInvalid\":%d},\"wallSeconds\":%.1f}",
                        o.scenario(), s.offenders(), s.truePositives(), s.falsePositives(), s.missed(), s.precision(),
                        s.recall(), o.truth().pairableOffenders(), s.decidedPairs(), s.ambiguous(), s.conflicts(),
                        s.meanAbsSpeedError(), s.p95AbsSpeedError(), s.maxAbsSpeedError(), o.passagesRead(),
                        o.passagesUnread(), o.wallSeconds()));
                continue;
            }
            System.out.printf("%s: %d passages with a readable plate, %d unread or invalid (never paired); "
                    + "%d of %d offenders had their plate read alike at both units%n", o.scenario(), o.passagesRead(),
                    o.passagesUnread(), o.truth().pairableOffenders(), s.offenders());
            for (SectionTruth.Vehicle v : o.truth().vehicles()) {
                System.out.printf(Locale.ROOT, "  truth %-4s %-9s entry %-32s exit %-32s %7.2f km/h%s%n", v.id(), v.plate(),
                        v.entryAt(), v.exitAt(), v.averageKmh(), v.offender() ? "  OFFENDER" : "");
            }
            for (SectionCase c : o.cases()) {
                System.out.printf(Locale.ROOT, "  case  %-24s %-8s %-12s %7.2f km/h exit %s%s%n", c.caseId(), c.plate(),
                        c.status(), c.speedKmh(), c.eventTime(), c.isVoid() ? " VOID: " + c.voidReason() : "");
            }
            System.out.println("  " + s.summary() + String.format(Locale.ROOT, " (%.1f s wall)", o.wallSeconds()));
        }
        if (json) {
            System.out.println("[" + String.join(",", jsonRuns) + "]");
        }
        return falsePositives == 0 ? 0 : 1;
    }
}
