package tw.enforce.runtime.evidence;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * Cuts the plate region of a vehicle out of a captured JPEG: until the plate reader localises the
 * plate itself, the lower 45% of the vehicle box, where plates of cars, buses and scooters sit.
 */
final class PlateCrop {
    private PlateCrop() {
    }

    static byte[] lowerPart(byte[] jpeg, BoundingBox vehicle, int quality) {
        Mat img = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
        try {
            if (img.empty()) {
                throw new IllegalArgumentException("captured frame is not a decodable JPEG");
            }
            BoundingBox b = vehicle.clip(img.cols(), img.rows());
            int x = (int) Math.floor(b.x1());
            int w = Math.max(1, (int) Math.ceil(b.x2()) - x);
            int y = (int) Math.floor(b.y2() - b.height() * 0.45);
            int h = Math.max(1, (int) Math.ceil(b.y2()) - y);
            w = Math.min(w, img.cols() - x);
            h = Math.min(h, img.rows() - y);
            Mat crop = img.submat(new Rect(x, y, w, h));
            MatOfByte out = new MatOfByte();
            try {
                Imgcodecs.imencode(".jpg", crop, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
                return out.toArray();
            } finally {
                out.release();
                crop.release();
            }
        } finally {
            img.release();
        }
    }
}
