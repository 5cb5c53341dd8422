package tw.enforce.runtime.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaiwanPlateFormatTest {
    private final TaiwanPlateFormat format = new TaiwanPlateFormat();

    @Test
    void currentCarAndScooterLayoutsAreValidAsRead() {
        PlateFormat.Checked car = format.check("ABC-1234");
        assertEquals("ABC1234", car.text());
        assertTrue(car.valid());
        assertFalse(car.substituted());
        assertTrue(format.check("MAA-123").valid());
        assertTrue(format.check("1234-QK").valid());
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "ABC-1234, 2012+ series: cars, rentals R.., electric E.., buses, trucks, trailers, scooters",
            "REA-5678, 2012+ rental",
            "EAB-2025, 2012+ electric car",
            "KAQ-230, commercial vehicles before the seven-character plates",
            "AB-123, large heavy motorcycle or 1992 bus/truck/taxi",
            "XA-032, trailer",
            "FA-23, 1992 trailer",
            "F2-23, 1992 trailer with letter-digit code",
            "2F-23, 1992 trailer with digit-letter code",
            "F2-123, 1992 bus/truck/taxi with letter-digit code",
            "2F-123, 1992 bus/truck/taxi with digit-letter code",
            "FA-2233, 1992 private car",
            "F2-2233, 1992 private car with letter-digit code",
            "2F-2233, 1992 private car with digit-letter code",
            "23-FA, 2001+ trailer",
            "223-FA, 2001+ bus/truck/taxi",
            "2233-FA, 2001+ private car",
            "FAA-233, 1992 scooter",
            "FA2-233, 1992 scooter with letter-digit code",
            "233-FAA, reversed scooter"})
    void aPlateOfEveryVerifiedLayoutIsValidAsRead(String plate, String what) {
        PlateFormat.Checked c = format.check(plate);

        assertTrue(c.valid(), what + ": " + c);
        assertFalse(c.substituted(), what + ": " + c);
        assertEquals(plate.replace("-", ""), c.text());
    }

    @Test
    void layoutsNoSourceAttestsAreNotAccepted() {
        assertFalse(format.check("2233-F3").valid(), "since 2001 the trailing code is letters only");
        assertFalse(format.check("2233-3F").valid(), "since 2001 the trailing code is letters only");
        assertFalse(format.check("AB-12345").valid());
    }

    @Test
    void lookAlikesAreSwappedByPositionWhenOnlyOnePlateFits() {
        PlateFormat.Checked c = format.check("ABC-I2O4");
        assertEquals("ABC1204", c.text());
        assertTrue(c.valid());
        assertTrue(c.substituted());
        assertEquals("BKA8123", format.check("8KA-B123").text());
        PlateFormat.Checked trailer = format.check("XK-O32");
        assertTrue(trailer.valid(), "only LL-DDD explains XK?32: " + trailer);
        assertEquals("XK032", trailer.text());
        PlateFormat.Checked twoWays = format.check("XA-O32");
        assertFalse(twoWays.valid(), "XA-032 (LL-DDD) and X4-032 (LD-DDD) are both plates: " + twoWays);
    }

    @Test
    void aReadNeedingMoreThanTwoSwapsIsFlaggedNotBentIntoAPlate() {
        PlateFormat.Checked foreign = format.check("RK735AS");
        assertFalse(foreign.valid(), "a Slovak plate would become RKT3545 by three swaps: " + foreign);
        assertEquals("RK735AS", foreign.text());
        assertFalse(format.check("8KA-B12S").valid(), "three swaps");
        assertEquals("BKA8125", format.check("8KA-812S").text(), "two swaps");
    }

    @Test
    void aSwapThatTwoVerifiedLayoutsCouldBothExplainIsNotMade() {
        PlateFormat.Checked c = format.check("AB1Z34");
        assertFalse(c.valid(), "AB-1234 (LL-DDDD) and A8-1234 (LD-DDDD) are both plates: " + c);
        assertEquals("AB1Z34", c.text());
    }

    @Test
    void lettersTaiwanDoesNotIssueAreNotAcceptedAsLetters() {
        PlateFormat.Checked c = format.check("AOC1234");
        assertFalse(TaiwanPlateFormat.fits("AOC1234", "LLLDDDD"));
        assertFalse(c.valid(), "O cannot stand in a letter position and 0 has no single letter look-alike: " + c);
        assertEquals("AOC1234", c.text());
    }

    @Test
    void aReadThatFitsNoLayoutIsKeptRawAndFlaggedNeverForcedIntoAnotherPlate() {
        PlateFormat.Checked tooLong = format.check("ABC12345");
        assertFalse(tooLong.valid());
        assertEquals("ABC12345", tooLong.text());
        PlateFormat.Checked unknownSwap = format.check("ABC12X4");
        assertFalse(unknownSwap.valid());
        assertEquals("ABC12X4", unknownSwap.text());
    }

    @Test
    void aReadThatTwoLayoutsCouldBothExplainIsFlaggedInvalid() {
        TaiwanPlateFormat two = new TaiwanPlateFormat(java.util.List.of("LLDDDD", "DDDDDD"));
        PlateFormat.Checked c = two.check("B81234");
        assertFalse(c.valid(), "B8 could be letters or digits: " + c);
        assertEquals("B81234", c.text());
    }

    @Test
    void layoutsOtherThanLettersAndDigitsAreRejectedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new TaiwanPlateFormat(java.util.List.of("LLX123")));
    }
}
