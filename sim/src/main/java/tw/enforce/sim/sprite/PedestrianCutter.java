package tw.enforce.sim.sprite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts walking people out of a fixed-camera video. The openpnp OpenCV build cannot decode mp4, so
 * the Debian {@code ffmpeg} command extracts one still per second into a scratch folder first (no
 * ffmpeg → no sprites, and the library falls back). The empty room is recovered from the stills
 * that show it (a per-pixel median over all stills fails where people stood for most of the
 * video), and each still's difference from it, refined by GrabCut, gives the person.
 */
public final class PedestrianCutter {
    private static final Logger log = LoggerFactory.getLogger(PedestrianCutter.class);
    private static final double ALIKE = 4.0;

    public PedestrianCutter() {
        MatImages.loadOpenCv();
    }

    /** Sprites from {@code video}, at most {@code max}, spread over the video; empty when none could be made. */
    public List<Sprite> cut(Path video, Path scratch, int max) throws IOException {
        List<Path> stills = extractStills(video, scratch);
        if (stills.isEmpty()) {
            return List.of();
        }
        Mat background = emptySceneBackground(stills);
        List<Sprite> found = new ArrayList<>();
        for (int i = 0; i < stills.size(); i += 2) {
            Mat frame = Imgcodecs.imread(stills.get(i).toString());
            CutResult r = cutOne(video.getFileName() + "-" + i, frame, background);
            frame.release();
            if (r instanceof CutResult.Accepted a) {
                found.add(a.sprite());
            } else {
                log.debug("pedestrian still rejected: {}", r);
            }
        }
        background.release();
        List<Sprite> spread = new ArrayList<>();
        for (int k = 0; k < Math.min(max, found.size()); k++) {
            spread.add(found.get((int) ((long) k * found.size() / Math.min(max, found.size()))));
        }
        log.info("pedestrian sprites: {} accepted of {} stills, kept {}", found.size(), (stills.size() + 1) / 2, spread.size());
        return spread;
    }

    private static List<Path> extractStills(Path video, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        ProcessBuilder pb = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-y", "-i", video.toString(),
                "-vf", "fps=1", "-q:v", "3", scratch.resolve("still%04d.jpg").toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("ffmpeg.log").toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            log.warn("no ffmpeg on PATH ({}): cannot decode {} for pedestrian sprites", e.getMessage(), video);
            return List.of();
        }
        try {
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                log.warn("ffmpeg failed on {}: see {}", video, scratch.resolve("ffmpeg.log"));
                return List.of();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg decoded " + video, e);
        }
        try (Stream<Path> s = Files.list(scratch)) {
            return s.filter(f -> f.getFileName().toString().startsWith("still")).sorted().toList();
        }
    }

    /**
     * The empty room: in a one-by-one video the scene is empty more often than it shows any one
     * pose of any one person, so the stills that look alike with the most other stills are the
     * empty ones; their per-pixel median is the background.
     */
    private static Mat emptySceneBackground(List<Path> stills) throws IOException {
        Mat first = Imgcodecs.imread(stills.get(0).toString());
        if (first.empty()) {
            throw new IOException(stills.get(0) + ": ffmpeg wrote an unreadable still");
        }
        int w = first.cols(), h = first.rows();
        first.release();
        List<byte[]> thumbs = new ArrayList<>();
        for (Path still : stills) {
            Mat m = Imgcodecs.imread(still.toString());
            Mat t = new Mat();
            Imgproc.resize(m, t, new Size(64, 36), 0, 0, Imgproc.INTER_AREA);
            byte[] b = new byte[64 * 36 * 3];
            t.get(0, 0, b);
            thumbs.add(b);
            m.release();
            t.release();
        }
        int best = 0, bestCount = -1;
        boolean[][] alike = new boolean[stills.size()][stills.size()];
        for (int i = 0; i < stills.size(); i++) {
            int count = 0;
            for (int j = 0; j < stills.size(); j++) {
                alike[i][j] = meanAbsDiff(thumbs.get(i), thumbs.get(j)) < ALIKE;
                count += alike[i][j] ? 1 : 0;
            }
            if (count > bestCount) {
                bestCount = count;
                best = i;
            }
        }
        List<byte[]> empty = new ArrayList<>();
        for (int j = 0; j < stills.size() && empty.size() < 31; j++) {
            byte[] px = new byte[w * h * 3];
            if (alike[best][j] && read(stills.get(j), px, w, h)) {
                empty.add(px);
            }
        }
        log.debug("background from {} empty-looking stills of {}", empty.size(), stills.size());
        byte[] bg = new byte[w * h * 3];
        int[] v = new int[empty.size()];
        for (int i = 0; i < bg.length; i++) {
            for (int k = 0; k < v.length; k++) {
                v[k] = empty.get(k)[i] & 0xFF;
            }
            java.util.Arrays.sort(v);
            bg[i] = (byte) v[v.length / 2];
        }
        Mat background = new Mat(h, w, CvType.CV_8UC3);
        background.put(0, 0, bg);
        return background;
    }

    private static double meanAbsDiff(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return sum / (double) a.length;
    }

    private static boolean read(Path still, byte[] into, int w, int h) {
        Mat m = Imgcodecs.imread(still.toString());
        try {
            if (m.cols() != w || m.rows() != h || m.type() != CvType.CV_8UC3) {
                return false;
            }
            m.get(0, 0, into);
            return true;
        } finally {
            m.release();
        }
    }

    static CutResult cutOne(String id, Mat frame, Mat background) {
        Mat diff = new Mat();
        Core.absdiff(frame, background, diff);
        List<Mat> ch = new ArrayList<>();
        Core.split(diff, ch);
        Mat moved = new Mat();
        Core.max(ch.get(0), ch.get(1), moved);
        Core.max(moved, ch.get(2), moved);
        ch.forEach(Mat::release);
        diff.release();
        Imgproc.threshold(moved, moved, 35, 255, Imgproc.THRESH_BINARY);
        Imgproc.morphologyEx(moved, moved, Imgproc.MORPH_OPEN, ellipse(3));
        Imgproc.morphologyEx(moved, moved, Imgproc.MORPH_CLOSE, ellipse(9));
        MatOfPoint outline = VehicleCutter.largestOutline(moved);
        if (outline == null) {
            moved.release();
            return new CutResult.Rejected(id, "nobody in the still");
        }
        Rect box = Imgproc.boundingRect(outline);
        String problem = judge(box, Imgproc.contourArea(outline), frame.cols(), frame.rows());
        if (problem != null) {
            moved.release();
            return new CutResult.Rejected(id, problem);
        }
        Mat gc = new Mat(frame.size(), CvType.CV_8UC1, new Scalar(Imgproc.GC_BGD));
        Mat near = new Mat(), core = new Mat();
        Imgproc.dilate(moved, near, ellipse(15));
        Imgproc.erode(moved, core, ellipse(7));
        gc.setTo(new Scalar(Imgproc.GC_PR_BGD), near);
        gc.setTo(new Scalar(Imgproc.GC_PR_FGD), moved);
        gc.setTo(new Scalar(Imgproc.GC_FGD), core);
        near.release();
        core.release();
        moved.release();
        Mat bgd = new Mat(), fgd = new Mat();
        Core.setRNGSeed(id.hashCode());
        Imgproc.grabCut(frame, gc, new Rect(), bgd, fgd, 2, Imgproc.GC_INIT_WITH_MASK);
        bgd.release();
        fgd.release();
        Mat fg = VehicleCutter.foreground(gc);
        gc.release();
        MatOfPoint person = VehicleCutter.largestOutline(fg);
        if (person == null) {
            fg.release();
            return new CutResult.Rejected(id, "GrabCut lost the person");
        }
        Rect pbox = Imgproc.boundingRect(person);
        Mat only = Mat.zeros(fg.size(), CvType.CV_8UC1);
        Imgproc.drawContours(only, List.of(person), 0, new Scalar(255), -1);
        Core.bitwise_and(only, fg, only); // keep the gaps between legs and arms
        fg.release();
        problem = judge(pbox, Core.countNonZero(only), frame.cols(), frame.rows());
        if (problem != null) {
            only.release();
            return new CutResult.Rejected(id, "after GrabCut: " + problem);
        }
        Mat alpha = new Mat();
        Imgproc.GaussianBlur(only.submat(pbox), alpha, new Size(0, 0), 0.8);
        Mat colour = frame.submat(pbox).clone();
        Sprite s = new Sprite(id, SpriteKind.PEDESTRIAN, MatImages.toArgb(colour, alpha), null, false);
        only.release();
        alpha.release();
        colour.release();
        return new CutResult.Accepted(s);
    }

    private static String judge(Rect box, double area, int cols, int rows) {
        if (box.x <= 2 || box.y <= 2 || box.x + box.width >= cols - 2 || box.y + box.height >= rows - 2) {
            return "person touches the frame border";
        }
        if (box.height < 0.3 * rows) {
            return "person only " + box.height + " px tall";
        }
        double aspect = box.height / (double) box.width;
        if (aspect < 1.7 || aspect > 5) {
            return String.format("height/width %.1f is not a standing or walking person", aspect);
        }
        double fill = area / ((double) box.width * box.height);
        if (fill < 0.3 || fill > 0.85) {
            return String.format("person fills %.0f%% of the box", fill * 100);
        }
        return null;
    }

    private static Mat ellipse(int size) {
        return Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(size, size));
    }
}
