package tw.enforce.camera;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.time.Instant;

/**
 * Converts between {@link Frame}s and Java2D images without OpenCV. {@link BufferedImage#TYPE_3BYTE_BGR}
 * stores pixels exactly as a frame does (B, G, R bytes, row-major), so for that type conversion is
 * one array copy; other image types are first drawn into a {@code TYPE_3BYTE_BGR} image.
 */
public final class FrameImages {

    private FrameImages() {
    }

    /** A new {@code TYPE_3BYTE_BGR} image holding a copy of the frame's pixels. */
    public static BufferedImage toImage(Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.bgr(), 0, target, 0, target.length);
        return image;
    }

    /** A frame holding a copy of the image's pixels (alpha is dropped, grey expanded to BGR). */
    public static Frame toFrame(BufferedImage image, String cameraId, long sequence, Instant capturedAt) {
        BufferedImage bgr = isPackedBgr(image) ? image : redraw(image);
        byte[] source = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        byte[] pixels = new byte[bgr.getWidth() * bgr.getHeight() * 3];
        System.arraycopy(source, 0, pixels, 0, pixels.length);
        return new Frame(cameraId, sequence, capturedAt, bgr.getWidth(), bgr.getHeight(), pixels);
    }

    /** True when the image's backing array is exactly a frame's packed BGR layout. */
    private static boolean isPackedBgr(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR
                || image.getRaster().getParent() != null
                || !(image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel model)) {
            return false;
        }
        return model.getScanlineStride() == image.getWidth() * 3
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0
                && image.getRaster().getDataBuffer().getOffset() == 0;
    }

    private static BufferedImage redraw(BufferedImage image) {
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return bgr;
    }
}
