package tw.enforce.runtime.evidence.privacy;

import java.util.List;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * Replaces each region by a coarse mosaic of about six blocks across its longer side, each the mean
 * colour of its pixels: a face or plate that small cannot be read back, unlike a blur that a
 * deconvolution can partly undo. Pixels inside the protected box are never changed.
 */
final class Pixelator {
    static final int BLOCKS = 6;
    static final int MIN_BLOCK_PX = 4;

    private Pixelator() {
    }

    static Frame mask(Frame frame, List<MaskRegion> regions, BoundingBox keep) {
        byte[] px = frame.bgr().clone();
        int w = frame.width();
        int h = frame.height();
        int kx1 = (int) Math.floor(keep.x1());
        int ky1 = (int) Math.floor(keep.y1());
        int kx2 = (int) Math.ceil(keep.x2());
        int ky2 = (int) Math.ceil(keep.y2());
        for (MaskRegion r : regions) {
            BoundingBox b = r.box().clip(w, h);
            int x1 = (int) Math.floor(b.x1());
            int y1 = (int) Math.floor(b.y1());
            int x2 = Math.min(w, (int) Math.ceil(b.x2()));
            int y2 = Math.min(h, (int) Math.ceil(b.y2()));
            int block = Math.max(MIN_BLOCK_PX, (int) Math.ceil(Math.max(x2 - x1, y2 - y1) / (double) BLOCKS));
            for (int by = y1; by < y2; by += block) {
                for (int bx = x1; bx < x2; bx += block) {
                    fillMean(px, w, bx, by, Math.min(bx + block, x2), Math.min(by + block, y2),
                            kx1, ky1, kx2, ky2);
                }
            }
        }
        return new Frame(frame.cameraId(), frame.sequence(), frame.capturedAt(), w, h, px);
    }

    private static void fillMean(byte[] px, int w, int x1, int y1, int x2, int y2, int kx1, int ky1, int kx2, int ky2) {
        long b = 0, g = 0, r = 0;
        int n = 0;
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                int i = (y * w + x) * 3;
                b += px[i] & 0xff;
                g += px[i + 1] & 0xff;
                r += px[i + 2] & 0xff;
                n++;
            }
        }
        byte mb = (byte) (b / n), mg = (byte) (g / n), mr = (byte) (r / n);
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                if (x >= kx1 && x < kx2 && y >= ky1 && y < ky2) {
                    continue;
                }
                int i = (y * w + x) * 3;
                px[i] = mb;
                px[i + 1] = mg;
                px[i + 2] = mr;
            }
        }
    }
}
