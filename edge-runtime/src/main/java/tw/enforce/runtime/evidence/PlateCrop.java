package tw.enforce.runtime.evidence;

import java.time.Instant;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * Cuts the plate region of a vehicle out of a captured JPEG: until the plate reader localises the
 * plate itself, the lower 45% of the vehicle box, where plates of cars, buses and scooters sit.
 */
final class PlateCrop {
    private PlateCrop() {
    }

    static byte[] lowerPart(byte[] jpeg, BoundingBox vehicle, int quality) {
        Frame f = Jpeg.decode(jpeg, "evidence", 0, Instant.EPOCH);
        BoundingBox b = vehicle.clip(f.width(), f.height());
        int x = (int) Math.floor(b.x1());
        int y = (int) Math.floor(b.y2() - b.height() * 0.45);
        int w = Math.max(1, Math.min((int) Math.ceil(b.x2()), f.width()) - x);
        int h = Math.max(1, Math.min((int) Math.ceil(b.y2()), f.height()) - y);
        return Jpeg.encode(f, x, y, Math.min(w, f.width() - x), Math.min(h, f.height() - y), quality);
    }
}
