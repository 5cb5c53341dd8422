package tw.enforce.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YoloxDecoderTest {
    private static final int SIZE = 416;
    private static final int ATTRS = 85;
    private final YoloxDecoder decoder = new YoloxDecoder(80, 0.3, 0.45);

    /** Anchor index of grid cell (gx, gy) at a stride, in YOLOX's output order. */
    private static int anchor(int stride, int gx, int gy) {
        int offset = 0;
        for (int s : YoloxDecoder.STRIDES) {
            if (s == stride) {
                return offset + gy * (SIZE / s) + gx;
            }
            offset += (SIZE / s) * (SIZE / s);
        }
        throw new IllegalArgumentException("stride " + stride);
    }

    /** Places a raw prediction: offsets within the cell, log-size in strides, objectness, one class score. */
    private static void place(float[] out, int anchor, float dx, float dy, double wStrides, double hStrides,
                              float obj, int cocoClass, float cls) {
        int b = anchor * ATTRS;
        out[b] = dx;
        out[b + 1] = dy;
        out[b + 2] = (float) Math.log(wStrides);
        out[b + 3] = (float) Math.log(hStrides);
        out[b + 4] = obj;
        out[b + 5 + cocoClass] = cls;
    }

    private static float[] emptyOutput() {
        return new float[YoloxDecoder.anchorCount(SIZE, SIZE) * ATTRS];
    }

    @Test
    void anchorCountMatchesYoloxNanoOutput() {
        assertEquals(3549, YoloxDecoder.anchorCount(416, 416));
    }

    @Test
    void objectAtKnownGridCellDecodesToItsBoxInSourcePixels() {
        float[] out = emptyOutput();
        // stride 16, cell (10, 12), centre offset (0.5, 0.25): centre (168, 196) in input pixels, size 64x32
        place(out, anchor(16, 10, 12), 0.5f, 0.25f, 4, 2, 0.9f, 2, 0.8f);
        // an 832x832 source is scaled by 0.5 into the 416 input
        LetterboxGeometry lb = LetterboxGeometry.topLeft(832, 832, SIZE, SIZE);

        List<Detection> found = decoder.decode(out, lb);

        assertEquals(1, found.size());
        Detection d = found.get(0);
        assertEquals(ObjectClass.CAR, d.objectClass());
        assertEquals(0.72, d.score(), 1e-6);
        assertEquals((168 - 32) * 2, d.box().x1(), 1e-3);
        assertEquals((196 - 16) * 2, d.box().y1(), 1e-3);
        assertEquals((168 + 32) * 2, d.box().x2(), 1e-3);
        assertEquals((196 + 16) * 2, d.box().y2(), 1e-3);
    }

    @Test
    void boxesAreMappedThroughPaddingAndClippedToTheSourceFrame() {
        float[] out = emptyOutput();
        // stride 32, cell (0, 4): centre (16, 144), 128x128 → input box (-48, 80)-(80, 208)
        place(out, anchor(32, 0, 4), 0.5f, 0.5f, 4, 4, 1f, 0, 0.9f);
        LetterboxGeometry lb = LetterboxGeometry.centred(416, 208, SIZE, SIZE); // scale 1, padY 104

        Detection d = decoder.decode(out, lb).get(0);

        assertEquals(ObjectClass.PERSON, d.objectClass());
        assertEquals(0, d.box().x1(), 1e-9);
        assertEquals(0, d.box().y1(), 1e-9);
        assertEquals(80, d.box().x2(), 1e-3);
        assertEquals(104, d.box().y2(), 1e-3);
    }

    @Test
    void boxLyingEntirelyInThePaddingIsDropped() {
        float[] out = emptyOutput();
        place(out, anchor(32, 5, 0), 0.5f, 0.5f, 2, 2, 1f, 0, 0.9f); // input y 0..48, padding is 0..104
        assertTrue(decoder.decode(out, LetterboxGeometry.centred(416, 208, SIZE, SIZE)).isEmpty());
    }

    @Test
    void duplicateBoxesOfTheSameClassAreMergedByNms() {
        float[] out = emptyOutput();
        place(out, anchor(8, 20, 20), 0.5f, 0.5f, 8, 6, 0.95f, 2, 0.9f);
        place(out, anchor(8, 21, 20), 0.0f, 0.5f, 8, 6, 0.9f, 2, 0.8f); // 4 px to the right, same size
        place(out, anchor(8, 40, 40), 0.5f, 0.5f, 8, 6, 0.9f, 2, 0.8f); // far away: a second car

        List<Detection> found = decoder.decode(out, LetterboxGeometry.topLeft(SIZE, SIZE, SIZE, SIZE));

        assertEquals(2, found.size());
        assertEquals(0.95 * 0.9, found.get(0).score(), 1e-6);
        assertEquals(40.5 * 8 - 32, found.get(1).box().x1(), 1e-3);
    }

    @Test
    void overlappingBoxesOfDifferentClassesAreBothKept() {
        float[] out = emptyOutput();
        place(out, anchor(8, 20, 20), 0.5f, 0.5f, 8, 6, 0.95f, 2, 0.9f);
        place(out, anchor(8, 21, 20), 0.0f, 0.5f, 8, 6, 0.9f, 0, 0.8f);

        List<Detection> found = decoder.decode(out, LetterboxGeometry.topLeft(SIZE, SIZE, SIZE, SIZE));

        assertEquals(List.of(ObjectClass.CAR, ObjectClass.PERSON), found.stream().map(Detection::objectClass).toList());
    }

    @Test
    void classesWithoutAnObjectClassAreDropped() {
        float[] out = emptyOutput();
        place(out, anchor(16, 5, 5), 0.5f, 0.5f, 3, 3, 0.99f, 9, 0.99f); // COCO 9 = traffic light
        place(out, anchor(16, 15, 5), 0.5f, 0.5f, 3, 3, 0.99f, 16, 0.99f); // COCO 16 = dog

        assertTrue(decoder.decode(out, LetterboxGeometry.topLeft(SIZE, SIZE, SIZE, SIZE)).isEmpty());
    }

    @Test
    void scoresBelowTheThresholdAreDroppedUsingObjectnessTimesClass() {
        float[] out = emptyOutput();
        place(out, anchor(16, 5, 5), 0.5f, 0.5f, 3, 3, 0.5f, 2, 0.5f); // 0.25 < 0.3

        assertTrue(decoder.decode(out, LetterboxGeometry.topLeft(SIZE, SIZE, SIZE, SIZE)).isEmpty());
    }

    @Test
    void outputOfTheWrongLengthIsRejectedWithExpectedAndFoundSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(new float[8400 * 84], LetterboxGeometry.topLeft(640, 480, SIZE, SIZE)));
        assertTrue(e.getMessage().contains("3549x85"), e.getMessage());
        assertTrue(e.getMessage().contains("found 705600"), e.getMessage());
    }
}
