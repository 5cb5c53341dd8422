package tw.enforce.runtime.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.detect.LetterboxGeometry;

/** Recogniser and localiser decoders on hand-made tensors: no model needed. */
class DecodersTest {

    @Test
    void ctcCollapsesRepeatsDropsBlanksAndKeepsOnlyPlateCharacters() {
        List<String> dict = List.of("A", "b", "1", "台", "-");
        CtcDecoder ctc = new CtcDecoder(dict);
        int[] steps = {1, 1, 0, 1, 2, 4, 3, 0, 3, 5};
        float[] probs = oneHot(steps, ctc.classCount(), 0.9f);

        PlateText t = ctc.decode(probs, steps.length);

        assertEquals("AAB11", t.text());
        assertEquals(0.9, t.confidence(), 1e-6);
    }

    @Test
    void ctcWithNothingLegibleGivesNothing() {
        CtcDecoder ctc = new CtcDecoder(List.of("A"));
        assertEquals(PlateText.NOTHING, ctc.decode(oneHot(new int[] {0, 0, 0}, ctc.classCount(), 1f), 3));
        assertThrows(IllegalArgumentException.class, () -> ctc.decode(new float[5], 3));
    }

    @Test
    void slotDecoderStripsPaddingWherever() {
        SlotDecoder d = new SlotDecoder(SlotDecoder.GLOBAL_ALPHABET, '_');
        String want = "AB_12__3_";
        int[] idx = want.chars().map(c -> SlotDecoder.GLOBAL_ALPHABET.indexOf(c)).toArray();

        PlateText t = d.decode(oneHot(idx, d.classes(), 0.8f), 9);

        assertEquals("AB123", t.text());
        assertEquals(0.8, t.confidence(), 1e-6);
    }

    @Test
    void yunetPriorsMatchTheModelsOutputRows() {
        assertEquals(4385, new YunetDecoder(320, 240, 0.5, 0.3).priorCount());
    }

    @Test
    void yunetDecodesCornersOfTheScoredPriorBackToSourcePixels() {
        YunetDecoder d = new YunetDecoder(320, 240, 0.5, 0.3);
        int n = d.priorCount();
        float[] loc = new float[n * 14];
        float[] conf = new float[n * 2];
        float[] iou = new float[n];
        int p = 0; // first prior: centre (4,4) in input pixels, size 10x10
        conf[2 * p + 1] = 0.81f;
        iou[p] = 1.5f; // clamped to 1 → score sqrt(0.81) = 0.9
        float[] corners = {-1, -1, 1, -1, 1, 1, -1, 1};
        int[] offsets = {4, 6, 10, 12};
        for (int c = 0; c < 4; c++) {
            loc[14 * p + offsets[c]] = corners[2 * c] * 10; // ×variance 0.1 ×prior size 10 → ±10 px
            loc[14 * p + offsets[c] + 1] = corners[2 * c + 1] * 10;
        }
        LetterboxGeometry g = LetterboxGeometry.topLeft(640, 480, 320, 240); // scale 0.5

        List<PlateCandidate> found = d.decode(loc, conf, iou, g);

        assertEquals(1, found.size());
        PlateCandidate c = found.get(0);
        assertEquals(0.9, c.score(), 1e-6);
        assertEquals(0, c.box().x1(), 1e-3, "x clipped at the image edge");
        assertEquals(28, c.box().x2(), 1e-3);
        assertEquals(28, c.box().y2(), 1e-3);
        assertTrue(c.corners()[2] > c.corners()[0], "clockwise from top-left");
        assertThrows(IllegalArgumentException.class, () -> d.decode(new float[14], conf, iou, g));
    }

    private static float[] oneHot(int[] idx, int classes, float p) {
        float[] out = new float[idx.length * classes];
        for (int t = 0; t < idx.length; t++) {
            java.util.Arrays.fill(out, t * classes, (t + 1) * classes, (1 - p) / (classes - 1));
            out[t * classes + idx[t]] = p;
        }
        return out;
    }
}
