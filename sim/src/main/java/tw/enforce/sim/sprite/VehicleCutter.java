package tw.enforce.sim.sprite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Cuts a car out of a labelled plate photo. The plate box fixes the scale (a European plate is
 * about 0.52 m wide, a car about 1.8 m), so the car's likely extent is known without a detector;
 * GrabCut, seeded with that extent (plate and trunk as certain foreground, the upper corners as
 * likely background), finds the outline. Photos where the car runs off the frame or the cut is
 * implausibly small, large or ragged are rejected with a reason rather than becoming bad sprites.
 */
public final class VehicleCutter {
    static final double PLATE_M = 0.52;
    static final double CAR_M = 1.8;
    private static final double WORK_CAR_PX = 200;
    private static final double MAX_SPRITE_CAR_PX = 520;

    public VehicleCutter() {
        MatImages.loadOpenCv();
    }

    /** {@code label} is the photo's {@code file<TAB>x<TAB>y<TAB>w<TAB>h<TAB>PLATE} line file. */
    public CutResult cut(Path label) throws IOException {
        String line = Files.readString(label).trim();
        String[] f = line.split("\t");
        if (f.length < 5) {
            throw new IOException(label + ": expected file<TAB>x<TAB>y<TAB>w<TAB>h<TAB>PLATE, got '" + line + "'");
        }
        Path photo = label.resolveSibling(f[0]);
        String id = f[0].replaceFirst("\\.[^.]+$", "");
        double px, py, pw, ph;
        try {
            px = Double.parseDouble(f[1]);
            py = Double.parseDouble(f[2]);
            pw = Double.parseDouble(f[3]);
            ph = Double.parseDouble(f[4]);
        } catch (NumberFormatException e) {
            throw new IOException(label + ": plate box is not numeric: '" + line + "'", e);
        }
        Mat full = Imgcodecs.imread(photo.toString());
        if (full.empty()) {
            throw new IOException(photo + ": not a readable image");
        }
        try {
            return cut(id, full, px, py, pw, ph);
        } finally {
            full.release();
        }
    }

    private CutResult cut(String id, Mat full, double px, double py, double pw, double ph) {
        if (pw < 20) {
            return new CutResult.Rejected(id, "plate only " + pw + " px wide: car too small in the photo");
        }
        double ppm = pw / PLATE_M;
        double carPx = CAR_M * ppm;
        double pcx = px + pw / 2, pcy = py + ph / 2;
        // the car body we expect: 1.8 m wide centred on the plate, roof ~1.1 m above, ground ~0.5 m below
        double left = pcx - carPx / 2, right = pcx + carPx / 2, top = pcy - 0.95 * ppm, bottom = pcy + 0.4 * ppm;
        double slack = 0.1 * carPx;
        if (left < -slack || right > full.cols() + slack) {
            return new CutResult.Rejected(id, "car runs off the photo at the side");
        }
        if (top < -0.15 * ppm || bottom > full.rows() + 0.1 * ppm) {
            return new CutResult.Rejected(id, "car runs off the photo at the top or bottom");
        }
        double s = WORK_CAR_PX / carPx;
        Mat work = new Mat();
        Imgproc.resize(full, work, new Size(Math.round(full.cols() * s), Math.round(full.rows() * s)), 0, 0,
                s < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        double m = ppm * s;
        Rect region = clip(new Rect((int) (pcx * s - 1.05 * m), (int) (pcy * s - 1.2 * m),
                (int) (2.1 * m), (int) (1.82 * m)), work);
        Mat mask = seedMask(work, region, m, pcx * s, pcy * s, px * s, py * s, pw * s, ph * s);
        Mat bgd = new Mat(), fgd = new Mat();
        Core.setRNGSeed(id.hashCode()); // GrabCut's k-means draws from the thread's RNG: seed it so each photo cuts the same way anywhere
        Imgproc.grabCut(work, mask, new Rect(), bgd, fgd, 3, Imgproc.GC_INIT_WITH_MASK);
        Mat fg = foreground(mask);
        Imgproc.morphologyEx(fg, fg, Imgproc.MORPH_OPEN,
                Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5)));
        MatOfPoint outline = largestOutline(fg);
        work.release();
        bgd.release();
        fgd.release();
        mask.release();
        if (outline == null) {
            fg.release();
            return new CutResult.Rejected(id, "GrabCut found no foreground");
        }
        Rect box = Imgproc.boundingRect(outline);
        Mat filled = Mat.zeros(fg.size(), CvType.CV_8UC1);
        Imgproc.drawContours(filled, List.of(outline), 0, new Scalar(255), -1);
        double area = Core.countNonZero(filled);
        fg.release();
        String problem = judge(box, area, filled.cols(), filled.rows(), pcx * s);
        if (problem == null) {
            problem = leak(filled, region);
        }
        if (problem == null) {
            problem = topHeavy(filled, box);
        }
        if (problem != null) {
            filled.release();
            return new CutResult.Rejected(id, problem);
        }
        return new CutResult.Accepted(toSprite(id, full, filled, box, s, px, py, pw, ph));
    }

    /** All arguments in work-image pixels; {@code m} is pixels per metre at the plate. */
    private static Mat seedMask(Mat work, Rect region, double m, double pcx, double pcy,
                                double px, double py, double pw, double ph) {
        Mat mask = new Mat(work.size(), CvType.CV_8UC1, new Scalar(Imgproc.GC_BGD));
        mask.submat(region).setTo(new Scalar(Imgproc.GC_PR_FGD));
        // above the shoulders, beside the roof: usually background
        int cornerW = (int) (0.45 * m), cornerH = (int) (0.45 * m);
        mask.submat(clip(new Rect(region.x, region.y, cornerW, cornerH), work)).setTo(new Scalar(Imgproc.GC_PR_BGD));
        mask.submat(clip(new Rect(region.x + region.width - cornerW, region.y, cornerW, cornerH), work))
                .setTo(new Scalar(Imgproc.GC_PR_BGD));
        // plate and the body just above it are certainly car
        mask.submat(clip(new Rect((int) (pcx - 0.55 * m), (int) (pcy - 0.55 * m), (int) (1.1 * m),
                (int) (0.6 * m)), work)).setTo(new Scalar(Imgproc.GC_FGD));
        mask.submat(clip(new Rect((int) px, (int) py, (int) pw, (int) ph), work))
                .setTo(new Scalar(Imgproc.GC_FGD));
        return mask;
    }

    /** Seen from behind, a car is narrower at the roof than at the body; a cut wider up top took background along. */
    private static String topHeavy(Mat filled, Rect box) {
        byte[] row = new byte[box.width];
        double top = 0, body = 0;
        int topRows = 0, bodyRows = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            double f = (y - box.y) / (double) box.height;
            boolean inTop = f < 0.3, inBody = f >= 0.5 && f < 0.75;
            if (!inTop && !inBody) {
                continue;
            }
            filled.get(y, box.x, row);
            int first = -1, last = -1;
            for (int x = 0; x < row.length; x++) {
                if (row[x] != 0) {
                    last = x;
                    first = first < 0 ? x : first;
                }
            }
            int width = first < 0 ? 0 : last - first + 1;
            if (inTop) {
                top += width;
                topRows++;
            } else {
                body += width;
                bodyRows++;
            }
        }
        if (topRows > 0 && bodyRows > 0 && top / topRows > 0.97 * body / bodyRows) {
            return "cut-out is as wide at the roof as at the body: background leaked in above";
        }
        return null;
    }

    /** A car is narrower and lower than the search region: a cut that runs along its edges is background. */
    private static String leak(Mat filled, Rect region) {
        int left = Core.countNonZero(filled.submat(new Rect(region.x, region.y, 1, region.height)));
        int right = Core.countNonZero(filled.submat(new Rect(region.x + region.width - 1, region.y, 1, region.height)));
        if (Math.max(left, right) > 0.15 * region.height) {
            return "cut-out runs along the side of the search region: background or a neighbour leaked in";
        }
        int bottomRow = region.y + region.height - 1;
        if (bottomRow < filled.rows() - 1
                && Core.countNonZero(filled.submat(new Rect(region.x, bottomRow, region.width, 1))) > 0.5 * WORK_CAR_PX) {
            return "cut-out is sliced flat by the bottom of the search region: wheels cut off or road leaked in";
        }
        int top = Core.countNonZero(filled.submat(new Rect(region.x, region.y, region.width, 1)));
        if (region.y > 0 && top > 0.15 * region.width) {
            return "cut-out runs along the top of the search region: background leaked above the roof";
        }
        return null;
    }

    private static String judge(Rect box, double area, int cols, int rows, double plateCentreX) {
        if (box.width < 0.75 * WORK_CAR_PX || box.width > 1.12 * WORK_CAR_PX) {
            return String.format("cut-out %d px wide, expected about %.0f: not one car", box.width, WORK_CAR_PX);
        }
        if (box.height < 0.45 * WORK_CAR_PX || box.height > 1.25 * WORK_CAR_PX) {
            return String.format("cut-out %d px tall for a %.0f px car: implausible", box.height, WORK_CAR_PX);
        }
        if (Math.abs(box.x + box.width / 2.0 - plateCentreX) > 0.05 * WORK_CAR_PX) {
            return "cut-out is lopsided about the plate: a neighbour or background leaked in";
        }
        double fill = area / ((double) box.width * box.height);
        if (fill < 0.6) {
            return String.format("cut-out fills only %.0f%% of its box: ragged outline", fill * 100);
        }
        if (box.x <= 1 && box.x + box.width >= cols - 1) {
            return "cut-out spans the whole photo: background leaked in";
        }
        if (box.x <= 1 && box.width > 1.1 * WORK_CAR_PX || box.x + box.width >= cols - 1 && box.width > 1.1 * WORK_CAR_PX
                || box.y + box.height >= rows - 1 && box.height > 0.9 * WORK_CAR_PX) {
            return "cut-out touches the photo border: car cut off";
        }
        return null;
    }

    private static Sprite toSprite(String id, Mat full, Mat workMask, Rect workBox, double s,
                                   double px, double py, double pw, double ph) {
        double out = Math.min(1, MAX_SPRITE_CAR_PX / (WORK_CAR_PX / s)); // photo px → sprite px
        Mat mask = new Mat();
        Imgproc.resize(workMask, mask, full.size(), 0, 0, Imgproc.INTER_LINEAR);
        workMask.release();
        Rect box = clip(new Rect((int) Math.floor(workBox.x / s), (int) Math.floor(workBox.y / s),
                (int) Math.ceil(workBox.width / s) + 1, (int) Math.ceil(workBox.height / s) + 1), full);
        Mat colour = new Mat(), alpha = new Mat();
        Size size = new Size(Math.max(1, Math.round(box.width * out)), Math.max(1, Math.round(box.height * out)));
        Imgproc.resize(full.submat(box), colour, size, 0, 0, Imgproc.INTER_AREA);
        Imgproc.resize(mask.submat(box), alpha, size, 0, 0, Imgproc.INTER_AREA);
        mask.release();
        Imgproc.threshold(alpha, alpha, 127, 255, Imgproc.THRESH_BINARY);
        double feather = Math.max(0.8, size.width / 350.0);
        Imgproc.GaussianBlur(alpha, alpha, new Size(0, 0), feather);
        Sprite sprite = new Sprite(id, SpriteKind.VEHICLE, MatImages.toArgb(colour, alpha),
                PlateQuad.ofRect((px - box.x) * out, (py - box.y) * out, pw * out, ph * out), false);
        colour.release();
        alpha.release();
        return sprite;
    }

    /** GrabCut's certain or probable foreground as 0/255. */
    static Mat foreground(Mat gcMask) {
        Mat fg = new Mat(), probable = new Mat();
        Core.compare(gcMask, new Scalar(Imgproc.GC_FGD), fg, Core.CMP_EQ);
        Core.compare(gcMask, new Scalar(Imgproc.GC_PR_FGD), probable, Core.CMP_EQ);
        Core.bitwise_or(fg, probable, fg);
        probable.release();
        return fg;
    }

    static MatOfPoint largestOutline(Mat binary) {
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(binary.clone(), contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        hierarchy.release();
        MatOfPoint best = null;
        double bestArea = 0;
        for (MatOfPoint c : contours) {
            double a = Imgproc.contourArea(c);
            if (a > bestArea) {
                bestArea = a;
                best = c;
            }
        }
        return best;
    }

    static Rect clip(Rect r, Mat m) {
        int x1 = Math.min(m.cols() - 1, Math.max(0, r.x)), y1 = Math.min(m.rows() - 1, Math.max(0, r.y));
        int x2 = Math.min(m.cols(), r.x + r.width), y2 = Math.min(m.rows(), r.y + r.height);
        return new Rect(x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1));
    }
}
