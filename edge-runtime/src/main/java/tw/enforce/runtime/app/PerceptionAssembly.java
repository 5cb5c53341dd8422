package tw.enforce.runtime.app;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.runtime.config.PerceptionConfig;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.DetectorException;
import tw.enforce.runtime.detect.MotionConfig;
import tw.enforce.runtime.detect.MotionDetector;
import tw.enforce.runtime.detect.MotionGatedDetector;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.plate.PlateReaderConfig;
import tw.enforce.runtime.plate.PlateReaderException;

/**
 * Builds the detector and the plate reader a site's {@code perception} section asks for. Relative
 * model paths are resolved against the site file's folder; an override (the service's command-line
 * option) replaces the configured path. Every failure names the site key and the file.
 */
public final class PerceptionAssembly {
    private static final Logger log = LoggerFactory.getLogger(PerceptionAssembly.class);

    private PerceptionAssembly() {
    }

    /** The configured model behind the motion gate, or the model-free motion detector when no model is set. */
    public static Detector openDetector(PerceptionConfig perception, Path siteFile, Path modelOverride)
            throws DetectorException {
        PerceptionConfig.Detector d = perception.detector();
        Path model = modelOverride != null ? modelOverride : resolve(siteFile, d.model());
        if (model == null) {
            log.warn("no detector model configured (perception.detector.model): running the model-free motion detector");
            return new MotionDetector(MotionConfig.defaults());
        }
        Detector detector;
        try {
            detector = d.toDetectorConfig(model).open();
        } catch (DetectorException e) {
            throw new DetectorException(where(siteFile, "perception.detector.model", modelOverride) + e.getMessage(), e);
        }
        if (!perception.motionGate().enabled()) {
            return detector;
        }
        return new MotionGatedDetector(new MotionDetector(MotionConfig.defaults()), detector,
                perception.motionGate().refreshEveryFrames());
    }

    /** The configured plate reader, or null when no localiser is set (plates are then not read). */
    public static PlateReader openPlateReader(PerceptionConfig perception, Path siteFile, Path localiserOverride)
            throws PlateReaderException {
        PerceptionConfig.Plates p = perception.plates();
        Path localiser = localiserOverride != null ? localiserOverride : resolve(siteFile, p.localiser());
        if (localiser == null) {
            log.warn("no plate localiser configured (perception.plates.localiser): plates are not read");
            return null;
        }
        PlateReaderConfig config = p.toReaderConfig(localiser, resolve(siteFile, p.cctModel()));
        try {
            return config.open();
        } catch (PlateReaderException e) {
            throw new PlateReaderException(where(siteFile, "perception.plates", localiserOverride) + e.getMessage(), e);
        }
    }

    /** {@code path} as written in the site file: absolute, or relative to the site file's folder. */
    public static Path resolve(Path siteFile, String path) {
        if (path == null) {
            return null;
        }
        Path p = Path.of(path);
        if (p.isAbsolute() || siteFile == null) {
            return p;
        }
        Path dir = siteFile.toAbsolutePath().getParent();
        return dir == null ? p : dir.resolve(p).normalize();
    }

    private static String where(Path siteFile, String key, Path override) {
        return override != null ? "" : siteFile + ": " + key + ": ";
    }
}
