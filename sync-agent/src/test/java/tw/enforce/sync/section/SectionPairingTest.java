package tw.enforce.sync.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionPairingTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(2);
    private int n;

    private SectionPairing.Stored passage(String unit, String role, String partner, String plate, String status,
                                          double atSeconds, double lengthM) {
        return passage(unit, role, partner, plate, status, atSeconds, lengthM, "CAR");
    }

    private SectionPairing.Stored passage(String unit, String role, String partner, String plate, String status,
                                          double atSeconds, double lengthM, String vehicleClass) {
        n++;
        PassageManifest m = new PassageManifest(PassageManifest.SCHEMA, PassageManifest.KIND, unit + "-" + n, unit,
                "site", "cam", n, "0".repeat(64), T0, new PassageManifest.ClockState("t", true, 0.0, null),
                new PassageManifest.Section("S1", role, partner, lengthM, 60, -10),
                new PassageManifest.Passage(T0.plusMillis(Math.round(atSeconds * 1000)), "L1", n, vehicleClass,
                        new PassageManifest.Plate(plate, 0.9, status)),
                new PassageManifest.Software("t", "t"), "0".repeat(64), List.of());
        return new SectionPairing.Stored("sha-" + n, m);
    }

    private SectionPairing.Stored entry(String plate, double at) {
        return passage("A", "entry", "B", plate, "READ", at, 1200);
    }

    private SectionPairing.Stored exit(String plate, double at) {
        return passage("B", "exit", "A", plate, "READ", at, 1200);
    }

    @Test
    void entryAndExitOfOnePlateMakeOneTrip() {
        SectionPairing.Stored a = entry("ABC-1234", 0);
        SectionPairing.Stored b = exit("ABC-1234", 60);
        List<SectionPairing.Match> m = SectionPairing.pair(List.of(b, a), WINDOW);
        assertEquals(List.of(new SectionPairing.Paired(a, b)), m);
    }

    @Test
    void unreadAndInvalidPlatesAreNeverPaired() {
        assertNull(SectionPairing.plateKey(new PassageManifest.Plate(null, 0, "NOT_READ")));
        assertNull(SectionPairing.plateKey(new PassageManifest.Plate("ABC12", 0.2, "INVALID_FORMAT")));
        SectionPairing.Stored a = passage("A", "entry", "B", "ABC12", "INVALID_FORMAT", 0, 1200);
        SectionPairing.Stored b = passage("B", "exit", "A", "ABC12", "INVALID_FORMAT", 60, 1200);
        assertTrue(SectionPairing.pair(List.of(a, b), WINDOW).isEmpty());
    }

    @Test
    void platesReadOneCharacterApartAreDifferentVehicles() {
        assertEquals("ABC1234", SectionPairing.plateKey(new PassageManifest.Plate("abc-1234", 0.9, "READ")));
        // the caller groups by plate key, so the exit read as ABC-1284 never meets the entry ABC-1234
        assertTrue(SectionPairing.pair(List.of(exit("ABC-1284", 60)), WINDOW).isEmpty());
    }

    @Test
    void twoTripsOfOnePlatePairInOrder() {
        SectionPairing.Stored a1 = entry("ABC-1234", 0);
        SectionPairing.Stored b1 = exit("ABC-1234", 70);
        SectionPairing.Stored a2 = entry("ABC-1234", 600);
        SectionPairing.Stored b2 = exit("ABC-1234", 690);
        assertEquals(List.of(new SectionPairing.Paired(a1, b1), new SectionPairing.Paired(a2, b2)),
                SectionPairing.pair(List.of(b2, a2, b1, a1), WINDOW));
    }

    @Test
    void twoPossibleEntriesMakeTheExitAmbiguous() {
        SectionPairing.Stored a1 = entry("ABC-1234", 0);
        SectionPairing.Stored a2 = entry("ABC-1234", 30);  // a second vehicle with the same plate, or a missed exit
        SectionPairing.Stored b = exit("ABC-1234", 90);
        SectionPairing.Match m = SectionPairing.pair(List.of(a1, a2, b), WINDOW).get(0);
        SectionPairing.Ambiguous amb = assertInstanceOf(SectionPairing.Ambiguous.class, m);
        assertEquals(List.of(a1, a2), amb.entries());
    }

    @Test
    void entryOutsideTheWindowOrFromAnotherUnitDoesNotPair() {
        SectionPairing.Stored old = entry("ABC-1234", 0);
        SectionPairing.Stored stranger = passage("C", "entry", "B", "ABC-1234", "READ", 7300, 1200);
        SectionPairing.Stored b = exit("ABC-1234", 7400);
        assertTrue(SectionPairing.pair(List.of(old, stranger, b), WINDOW).isEmpty());
    }

    @Test
    void unitsDisagreeingOnTheLengthMakeAConflict() {
        SectionPairing.Stored a = passage("A", "entry", "B", "ABC-1234", "READ", 0, 1200);
        SectionPairing.Stored b = passage("B", "exit", "A", "ABC-1234", "READ", 60, 1250);
        SectionPairing.Conflict c = assertInstanceOf(SectionPairing.Conflict.class,
                SectionPairing.pair(List.of(a, b), WINDOW).get(0));
        assertTrue(c.why().contains("length"), c.why());
    }

    @Test
    void onePlateOnACarAtEntryAndAMotorcycleAtExitIsAConflictNotATrip() {
        SectionPairing.Stored a = passage("A", "entry", "B", "ABC-1234", "READ", 0, 1200, "CAR");
        SectionPairing.Stored b = passage("B", "exit", "A", "ABC-1234", "READ", 50, 1200, "MOTORCYCLE");
        SectionPairing.Conflict c = assertInstanceOf(SectionPairing.Conflict.class,
                SectionPairing.pair(List.of(a, b), WINDOW).get(0));
        assertTrue(c.why().contains("vehicle class"), c.why());
    }
}
