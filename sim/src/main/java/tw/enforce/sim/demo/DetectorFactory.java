package tw.enforce.sim.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import tw.enforce.runtime.app.PerceptionAssembly;
import tw.enforce.runtime.config.PerceptionConfig;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.DetectorException;
import tw.enforce.runtime.detect.MotionConfig;
import tw.enforce.runtime.detect.MotionDetector;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.plate.PlateReaderConfig;
import tw.enforce.runtime.plate.PlateReaderException;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.truth.DetectionNoise;
import tw.enforce.sim.truth.GroundTruthDetector;
import tw.enforce.sim.world.World;

/** Picks the unit's detector for a run, and says in words what was picked and why. */
final class DetectorFactory {
    static final String YOLOX_FILE = "models/yolox_nano.onnx";

    private DetectorFactory() {
    }

    record Made(Detector detector, String note) {
    }

    static final String PLATE_LOCALISER_FILE = "models/lpd_yunet_2023mar.onnx";

    /** The unit's plate reader when the localiser model is at hand; null (plates NOT_READ) otherwise. */
    static PlateReader plateReader(RunOptions o) throws PlateReaderException {
        Path lpd = o.sharedDir() == null ? null : o.sharedDir().resolve(PLATE_LOCALISER_FILE);
        return lpd != null && Files.isReadable(lpd) ? PlateReaderConfig.defaults(lpd).open() : null;
    }

    /** What a unit whose site names this model and nothing else runs: YOLOX-Nano defaults behind the motion gate. */
    private static Detector unitDefault(Path model) throws DetectorException {
        return PerceptionAssembly.openDetector(new PerceptionConfig(new PerceptionConfig.Detector(null, model.toString(),
                null, null, null, null, null, null), null, null), null, null);
    }

    static Made make(RunOptions o, Scenario scenario, World world) throws DetectorException {
        Path model = o.sharedDir() == null ? null : o.sharedDir().resolve(YOLOX_FILE);
        return switch (o.detector()) {
            case YOLOX -> new Made(unitDefault(model), "real YOLOX-Nano model at " + model + ", behind the unit's motion gate");
            case MOTION -> new Made(new MotionDetector(MotionConfig.defaults()), "model-free motion detector (as asked)");
            case TRUTH -> new Made(new GroundTruthDetector(scenario.cameraModel(), world::snapshotAt,
                    DetectionNoise.typical(scenario.seed())), "simulator ground-truth boxes with typical noise");
            case AUTO -> model != null && Files.isReadable(model)
                    ? new Made(unitDefault(model), "real YOLOX-Nano model at " + model + ", behind the unit's motion gate")
                    : new Made(new MotionDetector(MotionConfig.defaults()),
                            "NO MODEL FOUND at " + model + ": falling back to the model-free motion detector");
        };
    }
}
