package tw.enforce.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;

class LetterboxTest {

    private static Frame solid(int w, int h, int b, int g, int r) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) b;
            px[i + 1] = (byte) g;
            px[i + 2] = (byte) r;
        }
        return new Frame("cam", 1, Instant.EPOCH, w, h, px);
    }

    @Test
    void wideFrameIsScaledToTheInputWidthAndPaddedBelowInPlanarBgr() {
        Letterbox.Input in = new Letterbox(416, 416, Letterbox.Placement.TOP_LEFT).apply(solid(800, 400, 10, 20, 200));

        LetterboxGeometry g = in.geometry();
        assertEquals(0.52, g.scale(), 1e-12);
        assertEquals(416, g.resizedWidth());
        assertEquals(208, g.resizedHeight());
        int plane = 416 * 416;
        assertEquals(3 * plane, in.chw().length);
        int inside = 100 * 416 + 300;
        assertEquals(10f, in.chw()[inside]);
        assertEquals(20f, in.chw()[plane + inside]);
        assertEquals(200f, in.chw()[2 * plane + inside]);
        int below = 300 * 416 + 300;
        assertEquals(114f, in.chw()[below]);
        assertEquals(114f, in.chw()[2 * plane + below]);
    }

    @Test
    void centredPlacementPadsAboveAndBelowAndMapsBoxesBack() {
        Letterbox.Input in = new Letterbox(416, 416, Letterbox.Placement.CENTRED).apply(solid(832, 416, 50, 60, 70));

        LetterboxGeometry g = in.geometry();
        assertEquals(104, g.padY());
        assertEquals(114f, in.chw()[50 * 416 + 10]);
        assertEquals(50f, in.chw()[104 * 416 + 10]);
        BoundingBox back = g.toSource(0, 104, 208, 208);
        assertEquals(0, back.x1(), 1e-9);
        assertEquals(0, back.y1(), 1e-9);
        assertEquals(416, back.x2(), 1e-9);
        assertEquals(208, back.y2(), 1e-9);
    }

    @Test
    void frameOfTheInputSizeIsCopiedPixelForPixel() {
        Frame f = solid(416, 416, 1, 2, 3);
        f.bgr()[(5 * 416 + 7) * 3] = (byte) 250;

        float[] chw = new Letterbox(416, 416, Letterbox.Placement.TOP_LEFT).apply(f).chw();

        assertEquals(250f, chw[5 * 416 + 7]);
        assertEquals(1f, chw[5 * 416 + 8]);
        assertEquals(3f, chw[2 * 416 * 416 + 415 * 416 + 415]);
    }
}
