package tw.enforce.runtime.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spurious-character rules on hand-made reads: characters 10 px wide every 20 px unless said. */
class SpuriousCharactersTest {

    @Test
    void aCharacterReadTwiceWhereTwoGroupsOverlapIsKeptOnceAsItsMoreProbableReading() {
        List<PlateChar> chars = List.of(c('1', 0.9, 0), c('B', 0.9, 20), c('0', 0.5, 40), c('0', 0.95, 42),
                c('4', 0.9, 60));

        List<PlateChar> merged = SpuriousCharacters.mergeOverlaps(chars);

        assertEquals("1B04", text(merged));
        assertEquals(0.95, merged.get(2).probability(), 1e-9);
    }

    @Test
    void aWeakCharacterTheSecondReadSeesNothingAtIsDropped() {
        List<PlateChar> split = List.of(c('B', 0.99, 0), c('Y', 0.99, 20), c('E', 0.2, 40), c('6', 0.99, 60));
        List<PlateChar> whole = List.of(c('B', 0.99, 2), c('Y', 0.99, 22), c('6', 0.99, 58));

        assertEquals("BY6", text(SpuriousCharacters.confirmedBy(split, whole)));
    }

    @Test
    void onlyAReadWithAWeakLocatedCharacterNeedsASecondRead() {
        assertEquals(false, SpuriousCharacters.anyWeak(List.of(c('B', 0.9, 0), c('8', 0.5, 20))));
        assertEquals(true, SpuriousCharacters.anyWeak(List.of(c('B', 0.9, 0), c('8', 0.49, 20))));
        assertEquals(false, SpuriousCharacters.anyWeak(List.of(PlateChar.unlocated('8', 0.1))));
    }

    @Test
    void aConfidentCharacterStaysEvenWhenTheSecondReadMissesIt() {
        List<PlateChar> split = List.of(c('B', 0.99, 0), c('8', 0.7, 20), c('6', 0.99, 40));
        List<PlateChar> whole = List.of(c('B', 0.99, 0), c('6', 0.99, 40));

        assertEquals("B86", text(SpuriousCharacters.confirmedBy(split, whole)));
        assertEquals("B86", text(SpuriousCharacters.confirmedBy(split, List.of())), "no second read, nothing to check");
    }

    @Test
    void aWeakCharacterApartFromTheRestAtEitherEndIsDropped() {
        List<PlateChar> chars = new ArrayList<>(List.of(c('O', 0.2, 0)));
        for (int i = 0; i < 5; i++) {
            chars.add(c((char) ('1' + i), 0.99, 50 + 20 * i));
        }
        chars.add(c('Q', 0.3, 180));

        assertEquals("12345", text(SpuriousCharacters.withoutIsolatedEnds(chars)));
    }

    @Test
    void anEndCharacterIsKeptWhenConfidentOrInLineWithTheOthers() {
        List<PlateChar> apartButSure = List.of(c('O', 0.9, 0), c('1', 0.99, 50), c('2', 0.99, 70), c('3', 0.99, 90));
        List<PlateChar> weakButInLine = List.of(c('P', 0.3, 30), c('1', 0.99, 50), c('2', 0.99, 70), c('3', 0.99, 90));

        assertEquals("O123", text(SpuriousCharacters.withoutIsolatedEnds(apartButSure)));
        assertEquals("P123", text(SpuriousCharacters.withoutIsolatedEnds(weakButInLine)));
    }

    @Test
    void unlocatedCharactersOfAFixedSlotRecogniserAreLeftAlone() {
        List<PlateChar> slots = List.of(PlateChar.unlocated('O', 0.1), PlateChar.unlocated('1', 0.9),
                PlateChar.unlocated('2', 0.9), PlateChar.unlocated('3', 0.9));

        assertEquals("O123", text(SpuriousCharacters.withoutIsolatedEnds(slots)));
        assertEquals("O123", text(SpuriousCharacters.confirmedBy(slots, List.of(PlateChar.unlocated('1', 0.9)))));
    }

    @Test
    void ctcDecodingLocatesEachCharacterAtTheColumnsItWasReadFrom() {
        CtcDecoder ctc = new CtcDecoder(List.of("A", "B"));
        int classes = ctc.classCount();
        int[] best = {1, 1, 0, 0, 2, 0};
        float[] probs = new float[best.length * classes];
        for (int t = 0; t < best.length; t++) {
            probs[t * classes + best[t]] = 0.8f;
        }

        PlateText t = ctc.decode(probs, best.length, 4.0);

        assertEquals("AB", t.text());
        assertEquals(0, t.chars().get(0).x1(), 1e-9);
        assertEquals(8, t.chars().get(0).x2(), 1e-9, "a character held over two steps spans both");
        assertEquals(16, t.chars().get(1).x1(), 1e-9);
        assertEquals(20, t.chars().get(1).x2(), 1e-9);
    }

    private static PlateChar c(char ch, double p, double x) {
        return new PlateChar(ch, p, x, x + 10);
    }

    private static String text(List<PlateChar> chars) {
        return PlateText.of(chars).text();
    }
}
