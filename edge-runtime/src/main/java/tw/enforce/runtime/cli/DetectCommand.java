package tw.enforce.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.camera.opencv.OpenCvFrameSource;
import tw.enforce.runtime.app.PerceptionAssembly;
import tw.enforce.runtime.config.ConfigException;
import tw.enforce.runtime.config.PerceptionConfig;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.DetectorException;
import tw.enforce.runtime.detect.DetectorConfig;

/**
 * {@code edgectl detect FILE…}: runs the detector on images or videos and prints one line per
 * detection ({@code file frame class score x1 y1 x2 y2}); with {@code --annotate DIR} also writes
 * each frame with its boxes drawn. An undecodable image is reported and skipped (exit 1 at the end).
 */
@Command(name = "detect", description = "Print detections for images or videos; optionally write annotated images.")
public final class DetectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Images (.jpg, .png) or MJPEG videos (.avi).")
    List<Path> files;

    @Option(names = "--model", description = "ONNX detector model (default: the site's perception.detector.model with --site, else ../shared/models/yolox_nano.onnx).")
    Path model;

    @Option(names = "--site", description = "Run the detector this site.yaml configures (perception.detector: family, model, size, score, label map); --model overrides its model.")
    Path site;

    @Option(names = "--family", defaultValue = "yolox", description = "yolox (default) or ultralytics (YOLOv8/YOLO11); ignored with --site.")
    String family;

    @Option(names = "--size", description = "Model input side (default 416 for yolox, 640 for ultralytics).")
    Integer size;

    @Option(names = "--score", defaultValue = "0.25", description = "Minimum score (default ${DEFAULT-VALUE}).")
    double score;

    @Option(names = "--annotate", description = "Write annotated JPEGs into this folder.")
    Path annotate;

    @Option(names = "--every", defaultValue = "1", description = "For videos: every Nth frame (default 1).")
    int every;

    /** One clear line for bad input (exit 2) or a model or file that cannot be used (exit 1), no stack trace. */
    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (IllegalArgumentException | ConfigException e) {
            System.out.println("edgectl detect: " + e.getMessage());
            return 2;
        } catch (tw.enforce.runtime.detect.DetectorException | java.io.IOException e) {
            System.out.println("edgectl detect: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file or folder: " : "")
                    + e.getMessage());
            return 1;
        }
    }

    private Integer run() throws Exception {
        if (annotate != null) {
            Files.createDirectories(annotate);
        }
        int failed = 0;
        try (Detector detector = detectorConfig().open()) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.toLowerCase(Locale.ROOT).matches(".*\\.(avi|mp4|mkv|mjpeg)")) {
                    failed += video(detector, f);
                    continue;
                }
                Frame image;
                try {
                    image = Jpeg.decode(Files.readAllBytes(f), name, 0, Instant.EPOCH);
                } catch (IllegalArgumentException | java.io.IOException e) {
                    System.out.println(name + ": skipped, " + e.getMessage());
                    failed++;
                    continue;
                }
                print(detector, image, name);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private DetectorConfig detectorConfig() throws ConfigException {
        if (site != null) {
            SiteConfigLoader.LoadedSite loaded = SiteConfigLoader.load(site);
            PerceptionConfig.Detector d = loaded.config().perception().detector();
            Path m = model != null ? model : PerceptionAssembly.resolve(site, d.model());
            if (m == null) {
                throw new IllegalArgumentException(site + ": perception.detector.model is not set; give --model");
            }
            return d.toDetectorConfig(m);
        }
        DetectorConfig.Family fam = switch (family.toLowerCase(Locale.ROOT)) {
            case "yolox" -> DetectorConfig.Family.YOLOX;
            case "ultralytics" -> DetectorConfig.Family.ULTRALYTICS;
            default -> throw new IllegalArgumentException("--family must be yolox or ultralytics, was " + family);
        };
        int side = size != null ? size : fam == DetectorConfig.Family.YOLOX ? 416 : 640;
        return new DetectorConfig(fam, model != null ? model : Path.of("../shared/models/yolox_nano.onnx"), side, score,
                0.45, 1);
    }

    private int video(Detector detector, Path f) throws Exception {
        String name = f.getFileName().toString();
        try (OpenCvFrameSource source = OpenCvFrameSource.open(name, f.toAbsolutePath().toString(), Clock.systemUTC())) {
            long index = 0;
            for (Optional<Frame> next = source.next(); next.isPresent(); next = source.next(), index++) {
                if (index % every == 0) {
                    print(detector, next.get(), name + "#" + index);
                }
            }
            return source.corruptFrames() > 0 ? 1 : 0;
        }
    }

    private void print(Detector detector, Frame frame, String label) throws DetectorException {
        List<Detection> found = detector.detect(frame);
        for (Detection d : found) {
            System.out.printf(Locale.ROOT, "%s %s %.3f %.0f %.0f %.0f %.0f%n", label,
                    d.objectClass().name().toLowerCase(Locale.ROOT), d.score(), d.box().x1(), d.box().y1(),
                    d.box().x2(), d.box().y2());
        }
        if (found.isEmpty()) {
            System.out.println(label + " nothing");
        }
        if (annotate != null) {
            Path out = annotate.resolve(label.replaceAll("\\.[A-Za-z0-9]+(#|$)", "$1").replace('#', '_') + ".jpg");
            Mat m = FrameMats.toMat(frame);
            try {
                for (Detection d : found) {
                    Imgproc.rectangle(m, new Point(d.box().x1(), d.box().y1()), new Point(d.box().x2(), d.box().y2()),
                            new Scalar(0, 255, 0), 2);
                    Imgproc.putText(m, String.format(Locale.ROOT, "%s %.2f", d.objectClass().name().toLowerCase(Locale.ROOT),
                            d.score()), new Point(d.box().x1(), Math.max(12, d.box().y1() - 4)),
                            Imgproc.FONT_HERSHEY_SIMPLEX, 0.5, new Scalar(0, 255, 0), 1);
                }
                if (!Imgcodecs.imwrite(out.toString(), m)) {
                    System.out.println(label + ": could not write " + out);
                }
            } finally {
                m.release();
            }
        }
    }
}
