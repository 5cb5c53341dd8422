package tw.enforce.camera.opencv;

import java.time.Instant;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import tw.enforce.camera.Frame;

/** JPEG encoding of frames and crops (evidence images, plate crops) and decoding back to frames. */
public final class Jpeg {

    private Jpeg() {
    }

    /**
     * Encodes the whole frame.
     *
     * @param quality 1 (smallest) to 100 (best)
     */
    public static byte[] encode(Frame frame, int quality) {
        return encode(frame, 0, 0, frame.width(), frame.height(), quality);
    }

    /**
     * Encodes the rectangle {@code x, y, width, height} (pixels, origin top left) of the frame.
     *
     * @throws IllegalArgumentException when the rectangle is empty or not inside the frame, or the
     *                                  quality is outside 1..100
     */
    public static byte[] encode(Frame frame, int x, int y, int width, int height, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, was " + quality);
        }
        if (width <= 0 || height <= 0 || x < 0 || y < 0 || x + width > frame.width() || y + height > frame.height()) {
            throw new IllegalArgumentException("crop " + width + "x" + height + "+" + x + "+" + y
                    + " is not inside " + frame);
        }
        Mat mat = FrameMats.toMat(frame);
        Mat crop = mat.submat(new Rect(x, y, width, height));
        MatOfByte out = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
        try {
            if (!Imgcodecs.imencode(".jpg", crop, out, params)) {
                throw new IllegalStateException("OpenCV could not JPEG-encode " + frame);
            }
            return out.toArray();
        } finally {
            params.release();
            out.release();
            crop.release();
            mat.release();
        }
    }

    /**
     * Decodes JPEG bytes (any format OpenCV reads, in fact) into a frame.
     *
     * @throws IllegalArgumentException naming the camera, sequence and size when the bytes are not a
     *                                  decodable image
     */
    public static Frame decode(byte[] jpeg, String cameraId, long sequence, Instant capturedAt) {
        OpenCvNative.load();
        if (jpeg.length == 0) {
            throw notDecodable(jpeg, cameraId, sequence, null);
        }
        MatOfByte in = new MatOfByte(jpeg);
        Mat image = null;
        try {
            image = Imgcodecs.imdecode(in, Imgcodecs.IMREAD_COLOR);
            if (image.empty()) {
                throw notDecodable(jpeg, cameraId, sequence, null);
            }
            return FrameMats.toFrame(image, cameraId, sequence, capturedAt);
        } catch (CvException e) {
            throw notDecodable(jpeg, cameraId, sequence, e);
        } finally {
            if (image != null) {
                image.release();
            }
            in.release();
        }
    }

    private static IllegalArgumentException notDecodable(byte[] jpeg, String cameraId, long sequence, Throwable cause) {
        return new IllegalArgumentException("cannot decode image " + cameraId + "#" + sequence + ": "
                + jpeg.length + " bytes are not a readable JPEG", cause);
    }
}
