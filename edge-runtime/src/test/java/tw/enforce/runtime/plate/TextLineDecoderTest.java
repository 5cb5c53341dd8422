package tw.enforce.runtime.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.detect.BoundingBox;

class TextLineDecoderTest {

    @Test
    void keepsTallCharacterGroupsLeftToRightAndDropsSmallPrint() {
        int w = 100, h = 40;
        float[] map = new float[w * h];
        fill(map, w, 60, 8, 90, 32, 0.9f);  // right group, tall
        fill(map, w, 20, 8, 50, 32, 0.9f);  // left group, tall (an emblem splits the plate)
        fill(map, w, 2, 16, 8, 24, 0.9f);   // country band letter: small

        List<BoundingBox> boxes = new TextLineDecoder(0.3, 0.5, 1.6, 0.6).decode(map, w, h);

        assertEquals(2, boxes.size(), boxes.toString());
        assertTrue(boxes.get(0).x1() < boxes.get(1).x1(), "left to right");
        assertTrue(boxes.get(0).x1() < 20 && boxes.get(0).x2() > 50, "unclipped around the group: " + boxes.get(0));
    }

    @Test
    void faintRegionsAreNotText() {
        int w = 50, h = 20;
        float[] map = new float[w * h];
        fill(map, w, 5, 5, 45, 15, 0.4f);
        assertTrue(new TextLineDecoder(0.3, 0.5, 1.6, 0.6).decode(map, w, h).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> TextLineDecoder.defaults().decode(new float[3], 2, 2));
    }

    private static void fill(float[] map, int w, int x1, int y1, int x2, int y2, float v) {
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                map[y * w + x] = v;
            }
        }
    }
}
