package tw.enforce.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class UltralyticsDecoderTest {
    private static final int N = 6;
    private final UltralyticsDecoder decoder = new UltralyticsDecoder(80, 0.3, 0.45);

    @Test
    void mapsACentredLetterboxedCarBackToSourcePixelsAndSuppressesItsDuplicate() {
        float[] out = new float[84 * N];
        place(out, 0, 320, 320, 100, 50, 2, 0.9f);   // car
        place(out, 1, 322, 321, 100, 50, 2, 0.6f);   // same car, weaker
        place(out, 2, 100, 300, 20, 60, 0, 0.8f);    // person
        place(out, 3, 500, 300, 40, 40, 9, 0.95f);   // traffic light: not ours
        place(out, 4, 200, 200, 40, 40, 2, 0.1f);    // below threshold
        LetterboxGeometry g = LetterboxGeometry.centred(1280, 720, 640, 640); // scale 0.5, padY 140

        List<Detection> found = decoder.decode(out, N, g);

        assertEquals(2, found.size(), found.toString());
        Detection car = found.get(0);
        assertEquals(ObjectClass.CAR, car.objectClass());
        assertEquals(0.9, car.score(), 1e-6);
        assertEquals(540, car.box().x1(), 1e-3);
        assertEquals((295 - 140) * 2, car.box().y1(), 1e-3);
        assertEquals(ObjectClass.PERSON, found.get(1).objectClass());
    }

    @Test
    void aCityModelWithItsOwnLabelsIsMappedThroughItsLabelMap() {
        // a 3-class fine-tuned model: 0 scooter, 1 car, 2 pedestrian — not COCO ids
        UltralyticsDecoder city = new UltralyticsDecoder(new LabelMap(3,
                java.util.Map.of(0, ObjectClass.MOTORCYCLE, 1, ObjectClass.CAR, 2, ObjectClass.PERSON)), 0.3, 0.45);
        float[] out = new float[7 * N];
        for (int[] c : new int[][] {{0, 100, 0}, {1, 300, 1}, {2, 500, 2}}) {
            out[c[0]] = c[1];
            out[N + c[0]] = 300;
            out[2 * N + c[0]] = 40;
            out[3 * N + c[0]] = 40;
            out[(4 + c[2]) * N + c[0]] = 0.8f;
        }
        List<ObjectClass> classes = city.decode(out, N, LetterboxGeometry.centred(640, 640, 640, 640)).stream()
                .sorted(java.util.Comparator.comparingDouble(d -> d.box().x1())).map(Detection::objectClass).toList();
        assertEquals(List.of(ObjectClass.MOTORCYCLE, ObjectClass.CAR, ObjectClass.PERSON), classes,
                "with COCO ids these would have been person, bicycle, car");
    }

    @Test
    void aLabelIdBeyondTheModelsClassesIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabelMap(3, java.util.Map.of(3, ObjectClass.CAR)));
        assertEquals("label id 3 is outside the model's 3 classes (0..2)", e.getMessage());
    }

    @Test
    void aTensorOfTheWrongLengthIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(new float[85 * N], N, LetterboxGeometry.centred(10, 10, 640, 640)));
    }

    private static void place(float[] out, int i, float cx, float cy, float w, float h, int cls, float score) {
        out[i] = cx;
        out[N + i] = cy;
        out[2 * N + i] = w;
        out[3 * N + i] = h;
        out[(4 + cls) * N + i] = score;
    }
}
