package tw.enforce.camera.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.camera.TestFrames;

class JpegTest {

    @Test
    void encodedFrameDecodesToNearlyTheSamePixels() {
        Frame frame = TestFrames.gradient(160, 120);

        byte[] jpeg = Jpeg.encode(frame, 95);
        Frame back = Jpeg.decode(jpeg, "cam-test", 7, TestFrames.T0);

        assertEquals(0xFF, jpeg[0] & 0xff);
        assertEquals(0xD8, jpeg[1] & 0xff);
        assertEquals(160, back.width());
        assertEquals(120, back.height());
        assertTrue(TestFrames.meanAbsDiff(frame, back) < 3.0, "mean abs diff " + TestFrames.meanAbsDiff(frame, back));
    }

    @Test
    void lowerQualityGivesSmallerFile() {
        Frame frame = TestFrames.gradient(160, 120);

        assertTrue(Jpeg.encode(frame, 30).length < Jpeg.encode(frame, 95).length);
    }

    @Test
    void cropEncodesOnlyTheRequestedRectangle() {
        Frame frame = TestFrames.halves(100, 60, new int[] {0, 0, 255}, new int[] {255, 0, 0});

        byte[] jpeg = Jpeg.encode(frame, 60, 10, 30, 20, 90);
        Frame crop = Jpeg.decode(jpeg, "cam-test", 1, TestFrames.T0);

        assertEquals(30, crop.width());
        assertEquals(20, crop.height());
        assertTrue(TestFrames.channelMean(crop, 0) > 240, "crop from the blue right half is blue");
        assertTrue(TestFrames.channelMean(crop, 2) < 15, "and has no red from the left half");
    }

    @Test
    void cropOutsideTheFrameIsRejectedNamingCropAndFrame() {
        Frame frame = TestFrames.gradient(100, 60);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jpeg.encode(frame, 80, 10, 30, 20, 90));

        assertTrue(e.getMessage().contains("30x20+80+10") && e.getMessage().contains("100x60"), e.getMessage());
    }

    @Test
    void qualityOutsideOneToHundredIsRejected() {
        Frame frame = TestFrames.gradient(10, 10);

        assertThrows(IllegalArgumentException.class, () -> Jpeg.encode(frame, 0));
        assertThrows(IllegalArgumentException.class, () -> Jpeg.encode(frame, 101));
    }

    @Test
    void undecodableBytesGiveAClearError() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xD8, 0, 1, 2, 3, 4, 5};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Jpeg.decode(garbage, "cam-x", 42, TestFrames.T0));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Jpeg.decode(new byte[0], "cam-x", 43, TestFrames.T0));

        assertTrue(e.getMessage().contains("cam-x#42") && e.getMessage().contains("8 bytes"), e.getMessage());
        assertTrue(empty.getMessage().contains("cam-x#43"), empty.getMessage());
    }
}
