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
