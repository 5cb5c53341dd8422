package tw.enforce.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FrameImagesTest {

    @Test
    void frameSurvivesRoundTripThroughBufferedImageByteForByte() {
        Frame frame = TestFrames.gradient(64, 48);

        BufferedImage image = FrameImages.toImage(frame);
        Frame back = FrameImages.toFrame(image, "cam-test", 7, TestFrames.T0);

        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        assertArrayEquals(frame.bgr(), back.bgr());
        assertEquals(frame, new Frame(back.cameraId(), back.sequence(), back.capturedAt(), back.width(),
                back.height(), frame.bgr()));
    }

    @Test
    void frameBytesAreBlueGreenRedAsJava2dSeesThem() {
        byte[] bgr = new byte[2 * 1 * 3];
        bgr[0] = 10;  // B of pixel (0,0)
        bgr[1] = 20;  // G
        bgr[2] = 30;  // R
        Frame frame = new Frame("c", 0, TestFrames.T0, 2, 1, bgr);

        BufferedImage image = FrameImages.toImage(frame);

        assertEquals(new Color(30, 20, 10).getRGB(), image.getRGB(0, 0));
        assertEquals(Color.BLACK.getRGB(), image.getRGB(1, 0));
    }

    @Test
    void java2dDrawingOnAnyImageTypeBecomesBgrFrame() {
        BufferedImage argb = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.setColor(new Color(200, 100, 50));
        g.fillRect(0, 0, 10, 10);
        g.dispose();

        Frame frame = FrameImages.toFrame(argb, "sim", 3, TestFrames.T0);

        assertEquals(20, frame.width());
        assertEquals(10, frame.height());
        int left = (5 * 20 + 2) * 3;
        assertEquals(50, frame.bgr()[left] & 0xff);
        assertEquals(100, frame.bgr()[left + 1] & 0xff);
        assertEquals(200, frame.bgr()[left + 2] & 0xff);
        int right = (5 * 20 + 15) * 3;
        assertEquals(0, frame.bgr()[right + 2] & 0xff);
    }

    @Test
    void subImageIsCopiedAsItsOwnPixels() {
        BufferedImage whole = FrameImages.toImage(TestFrames.gradient(40, 30));
        BufferedImage sub = whole.getSubimage(10, 5, 8, 6);

        Frame frame = FrameImages.toFrame(sub, "c", 0, TestFrames.T0);

        assertEquals(8, frame.width());
        assertEquals(new Color(sub.getRGB(3, 2)).getRed(), frame.bgr()[(2 * 8 + 3) * 3 + 2] & 0xff);
    }
}
