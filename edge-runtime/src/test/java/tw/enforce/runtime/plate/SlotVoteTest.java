package tw.enforce.runtime.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotVoteTest {
    private static PlateText read(String text, double... p) {
        return PlateText.of(java.util.stream.IntStream.range(0, text.length())
                .mapToObj(i -> PlateChar.unlocated(text.charAt(i), p[i])).toList());
    }

    @Test
    void aCharacterOneCropGetsWrongIsOutvotedByTheOtherTwo() {
        PlateText v = SlotVote.combine(List.of(
                read("RK0O3AB", .9, .9, .9, .5, .9, .9, .9),
                read("RK003AB", .9, .9, .9, .6, .9, .9, .9),
                read("RK003AB", .9, .9, .9, .7, .9, .9, .9)));
        assertEquals("RK003AB", v.text());
        assertEquals((0.6 + 0.7) / 3, v.chars().get(3).probability(), 1e-9);
    }

    @Test
    void oneConfidentReadBeatsTwoWeakOnesThatDisagreeWithEachOther() {
        PlateText v = SlotVote.combine(List.of(
                read("AB12", .9, .9, .9, .3),
                read("AB18", .9, .9, .9, .35),
                read("AB17", .9, .9, .9, .95)));
        assertEquals("AB17", v.text());
    }

    @Test
    void readsOfAnotherLengthAreOutvotedAndAnEmptyReadCountsAgainstConfidence() {
        PlateText v = SlotVote.combine(List.of(
                read("1ABC234", .9, .9, .9, .9, .9, .9, .9),
                read("ABC234", .8, .8, .8, .8, .8, .8),
                read("ABC234", .8, .8, .8, .8, .8, .8)));
        assertEquals("ABC234", v.text());
        PlateText lone = SlotVote.combine(List.of(read("ABC234", .9, .9, .9, .9, .9, .9), PlateText.NOTHING, PlateText.NOTHING));
        assertEquals("ABC234", lone.text());
        assertEquals(0.9, lone.confidence(), 1e-9, "empty reads are not votes against the characters");
        assertEquals(PlateText.NOTHING, SlotVote.combine(List.of(PlateText.NOTHING, PlateText.NOTHING)));
    }

    @Test
    void aLengthTieKeepsThePrimaryCropsLength() {
        PlateText v = SlotVote.combine(List.of(read("ABC1234", .6, .6, .6, .6, .6, .6, .6), read("ABC123", .9, .9, .9, .9, .9, .9)));
        assertEquals(7, v.text().length());
    }
}
