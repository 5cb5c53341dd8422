package tw.enforce.sync.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tw.enforce.sync.protocol.CanonicalJson;

class SectionSpeedRuleTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    private static final PassageManifest.ClockState SYNCED = new PassageManifest.ClockState("chrony", true, 3.0, null);

    private static SectionSpeedInput input(double elapsedSeconds, PassageManifest.ClockState entry,
                                           PassageManifest.ClockState exit) {
        return new SectionSpeedInput("S1", "ABC1234", 1200, 60, T0, T0.plusNanos(Math.round(elapsedSeconds * 1e9)),
                entry, exit, 1000, 250);
    }

    @Test
    void averageOverLimitIsAnEnforceableViolationAtTheExitPassage() {
        SectionSpeedDecision d = SectionSpeedRule.decide(input(60, SYNCED, SYNCED)); // 72 km/h
        assertTrue(d.violation());
        assertEquals(72.0, d.speedKmh(), 1e-9);
        assertEquals(T0.plusSeconds(60), d.eventTime());
        assertEquals(0.006, d.clockUncertaintySeconds(), 1e-12);
        assertTrue(d.enforceable(), d.notes().toString());
    }

    @Test
    void averageAtOrUnderLimitIsNoViolation() {
        assertFalse(SectionSpeedRule.decide(input(72, SYNCED, SYNCED)).violation()); // exactly 60 km/h
        assertFalse(SectionSpeedRule.decide(input(80, SYNCED, SYNCED)).violation());
    }

    @Test
    void unsynchronisedOrUnknownClockLeavesTheViolationUnenforceable() {
        PassageManifest.ClockState drifting = new PassageManifest.ClockState("timedatectl", false, null, "not synced");
        SectionSpeedDecision d = SectionSpeedRule.decide(input(60, SYNCED, drifting));
        assertTrue(d.violation());
        assertFalse(d.enforceable());
        assertTrue(Double.isNaN(d.conservativeSpeedKmh()));
        assertTrue(d.notes().get(0).contains("exit unit clock not synchronised"), d.notes().toString());
    }

    @Test
    void overLimitOnlyWithinClockUncertaintyIsNotEnforceable() {
        // 1200 m in 71.9 s = 60.08 km/h; with 2 × 400 ms offsets the average may be 59.4 km/h
        PassageManifest.ClockState loose = new PassageManifest.ClockState("chrony", true, -400.0, null);
        SectionSpeedDecision d = SectionSpeedRule.decide(input(71.9, loose, loose));
        assertTrue(d.violation());
        assertFalse(d.enforceable());
        assertTrue(d.conservativeSpeedKmh() < 60);
    }

    @Test
    void implausibleAverageIsNeverATicket() {
        SectionSpeedDecision d = SectionSpeedRule.decide(input(10, SYNCED, SYNCED)); // 432 km/h
        assertFalse(d.violation());
        assertTrue(d.reason().contains("cloned plate or clock fault"), d.reason());
    }

    @Test
    void exitBeforeEntryIsNoViolation() {
        assertFalse(SectionSpeedRule.decide(input(-5, SYNCED, SYNCED)).violation());
    }

    @Test
    void sameInputGivesTheSameCanonicalDecision() {
        SectionSpeedInput in = input(61.234567891, SYNCED, SYNCED);
        assertEquals(new String(CanonicalJson.write(SectionSpeedRule.decide(in))),
                new String(CanonicalJson.write(SectionSpeedRule.decide(in))));
    }
}
