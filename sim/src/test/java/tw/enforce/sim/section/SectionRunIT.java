package tw.enforce.sim.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.section.SectionCenter;
import tw.enforce.sync.section.SectionDecisionRecord.Status;
import tw.enforce.sync.section.SectionPolicy;

/**
 * Two simulated section units, their real pipelines, stores and sync agents, an MQTT 5 broker over
 * TCP and one center: the fast driver becomes the only ticket, the misread and the unread plate
 * none, and every record reproduces from its packages.
 */
class SectionRunIT {
    @TempDir
    Path out;

    @Test
    void sectionRunTicketsOnlyTheOffenderItCanIdentifyAtBothEnds() throws Exception {
        Path scenario = Path.of("src/test/resources/section/section-speed-short.yaml");

        SectionRun.Outcome o = SectionRun.run(scenario, out, null);

        SectionScore s = o.score();
        assertEquals(3, s.offenders(), o.truth().toString());
        assertEquals(1, s.truePositives(), o.cases().toString());
        assertEquals(0, s.falsePositives(), o.cases().toString());
        assertEquals(2, s.decidedPairs(), o.cases().toString());
        assertTrue(s.maxAbsSpeedError() < 1.0, "speed error " + s.speedErrors());
        assertEquals(List.of(Status.VIOLATION, Status.NO_VIOLATION), o.cases().stream().map(c -> c.status()).toList());
        assertEquals(1, o.passagesUnread(), "s4 unread at the entry; s3's misread is a valid read of another plate");
        assertTrue(Files.isRegularFile(out.resolve("section-truth.json")));
        try (CenterStore store = new CenterStore(out.resolve("center"), Clock.systemUTC());
             SectionCenter again = new SectionCenter(out.resolve("center"), store, SectionPolicy.DEFAULTS,
                     Clock.systemUTC())) {
            assertEquals(List.of(), again.verify());
        }
    }
}
