package tw.enforce.runtime.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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

    @Test
    void lookAlikesAreSwappedByPositionWhenOnlyOnePlateFits() {
        PlateFormat.Checked c = format.check("ABC-I2O4");
        assertEquals("ABC1204", c.text());
        assertTrue(c.valid());
        assertTrue(c.substituted());
        assertEquals("BKA8123", format.check("8KA-B123").text());
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
