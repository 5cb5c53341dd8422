package tw.enforce.sim.sprite;

import java.awt.image.BufferedImage;
import tw.enforce.camera.opencv.OpenCvNative;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** OpenCV stays inside the sprite cutters: Mats become ARGB sprites here and go no further. */
final class MatImages {
    private MatImages() {
    }

    static void loadOpenCv() {
        OpenCvNative.load();
    }

    /** BGR 8UC3 colour plus 8UC1 alpha of the same size → TYPE_INT_ARGB. */
    static BufferedImage toArgb(Mat bgr, Mat alpha) {
        int w = bgr.cols(), h = bgr.rows();
        if (bgr.type() != CvType.CV_8UC3 || alpha.type() != CvType.CV_8UC1 || alpha.cols() != w || alpha.rows() != h) {
            throw new IllegalArgumentException("expected BGR 8UC3 and alpha 8UC1 of one size, got "
                    + bgr + " and " + alpha);
        }
        byte[] px = new byte[w * h * 3];
        byte[] a = new byte[w * h];
        bgr.get(0, 0, px);
        alpha.get(0, 0, a);
        int[] argb = new int[w * h];
        for (int i = 0; i < w * h; i++) {
            argb[i] = (a[i] & 0xFF) << 24 | (px[3 * i + 2] & 0xFF) << 16 | (px[3 * i + 1] & 0xFF) << 8 | (px[3 * i] & 0xFF);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }
}
