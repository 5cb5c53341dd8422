package tw.enforce.camera.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import tw.enforce.camera.Frame;
import tw.enforce.camera.TestFrames;

class FrameMatsTest {

    @Test
    void frameSurvivesRoundTripThroughMatByteForByte() {
        Frame frame = TestFrames.gradient(33, 17);

        Mat mat = FrameMats.toMat(frame);
        try {
            assertEquals(CvType.CV_8UC3, mat.type());
            double[] pixel = mat.get(5, 9);
            int i = (5 * 33 + 9) * 3;
            assertEquals(frame.bgr()[i] & 0xff, (int) pixel[0], "channel 0 is blue");
            assertEquals(frame.bgr()[i + 2] & 0xff, (int) pixel[2], "channel 2 is red");
            Frame back = FrameMats.toFrame(mat, frame.cameraId(), frame.sequence(), frame.capturedAt());
            assertArrayEquals(frame.bgr(), back.bgr());
            assertEquals(frame.sequence(), back.sequence());
        } finally {
            mat.release();
        }
    }

    @Test
    void greyAndNonContinuousMatsBecomeBgrFrames() {
        OpenCvNative.load();
        Mat grey = new Mat(10, 20, CvType.CV_8UC1, new Scalar(77));
        Mat bgr = new Mat(10, 20, CvType.CV_8UC3, new Scalar(1, 2, 3));
        Mat roi = bgr.submat(new Rect(5, 2, 6, 4));
        try {
            Frame fromGrey = FrameMats.toFrame(grey, "c", 0, TestFrames.T0);
            Frame fromRoi = FrameMats.toFrame(roi, "c", 1, TestFrames.T0);

            assertEquals(77, fromGrey.bgr()[fromGrey.bgr().length - 2]);
            assertEquals(6, fromRoi.width());
            assertEquals(4, fromRoi.height());
            assertEquals(3, fromRoi.bgr()[fromRoi.bgr().length - 1]);
        } finally {
            roi.release();
            bgr.release();
            grey.release();
        }
    }

    @Test
    void emptyOrWrongDepthMatIsRejected() {
        OpenCvNative.load();
        Mat empty = new Mat();
        Mat floats = new Mat(4, 4, CvType.CV_32FC3);
        try {
            assertThrows(IllegalArgumentException.class, () -> FrameMats.toFrame(empty, "c", 0, TestFrames.T0));
            assertThrows(IllegalArgumentException.class, () -> FrameMats.toFrame(floats, "c", 0, TestFrames.T0));
        } finally {
            empty.release();
            floats.release();
        }
    }
}
