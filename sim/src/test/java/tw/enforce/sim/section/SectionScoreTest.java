package tw.enforce.sim.section;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.sync.section.SectionCase;
import tw.enforce.sync.section.SectionDecisionRecord.Status;

class SectionScoreTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    private static SectionTruth.Vehicle vehicle(String id, String plate, double exitSeconds, double avg, double limit) {
        return new SectionTruth.Vehicle(id, plate, T0, T0.plusMillis(Math.round(exitSeconds * 1000)), avg, avg > limit, true);
    }

    private static SectionCase violation(String plate, double exitSeconds, double speed) {
        return new SectionCase("c-" + plate, "S1", plate, Status.VIOLATION, "in", "out", speed,
                T0.plusMillis(Math.round(exitSeconds * 1000)), true, T0, "f", null);
    }

    @Test
    void ticketOfALegalVehicleOrAtTheWrongTimeIsAFalsePositiveAndTheOffenderIsMissed() {
        SectionTruth truth = new SectionTruth("t", 1200, 60, List.of(
                vehicle("a", "KLA-5501", 50, 86.4, 60), vehicle("b", "RBD-2026", 90, 48, 60)));
        SectionScore s = SectionScore.of(truth, List.of(violation("RBD2026", 90, 61), violation("KLA5501", 52, 86)));
        assertEquals(0, s.truePositives());
        assertEquals(2, s.falsePositives());
        assertEquals(1, s.missed());
        assertEquals(0.0, s.precision());
    }

    @Test
    void matchedTicketIsATruePositiveWithItsSpeedError() {
        SectionTruth truth = new SectionTruth("t", 1200, 60, List.of(vehicle("a", "KLA-5501", 50, 86.4, 60)));
        SectionScore s = SectionScore.of(truth, List.of(violation("KLA5501", 50.2, 86.0)));
        assertEquals(1, s.truePositives());
        assertEquals(1.0, s.recall());
        assertEquals(0.4, s.maxAbsSpeedError(), 1e-9);
    }
}
