package tw.enforce.runtime.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;

class PlateVoteTest {

    @Test
    void theTextMostFramesAgreeOnWinsOverOneConfidentVariant() {
        PlateVote vote = new PlateVote();
        vote.add(read("ABC1234", 0.7, true, 1));
        vote.add(read("ABC1284", 0.95, true, 2));
        vote.add(read("ABC1234", 0.6, true, 3));

        PlateRead w = vote.winner().orElseThrow();

        assertEquals("ABC1234", w.text());
        assertEquals(1, w.crop().sequence(), "best crop of the winning text is kept");
        assertEquals(1.3 / 2.25, vote.agreement(), 1e-9);
        assertEquals(3, vote.reads());
    }

    @Test
    void validReadsOutvoteAnyNumberOfInvalidOnes() {
        PlateVote vote = new PlateVote();
        vote.add(read("ABC12345", 0.3, false, 1));
        vote.add(read("ABC12345", 0.3, false, 2));
        vote.add(read("ABC1234", 0.5, true, 3));

        assertEquals("ABC1234", vote.winner().orElseThrow().text());
    }

    @Test
    void onlyInvalidReadsStillGiveTheirBestGuessFlagged() {
        PlateVote vote = new PlateVote();
        assertTrue(vote.winner().isEmpty());
        vote.add(read("ZZ9", 0.2, false, 1));
        PlateRead w = vote.winner().orElseThrow();
        assertEquals("ZZ9", w.text());
        assertTrue(!w.formatValid());
    }

    private static PlateRead read(String text, double conf, boolean valid, long seq) {
        Frame crop = new Frame("cam", seq, Instant.EPOCH, 2, 1, new byte[6]);
        return new PlateRead(text, text, conf, valid, new BoundingBox(0, 0, 2, 1), crop);
    }
}
