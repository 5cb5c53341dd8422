package tw.enforce.runtime.detect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which detector to build: the export family decides pre-processing and decoding.
 *
 * @param family YOLOX ({@code [1,N,85]}, top-left letterbox, BGR 0–255) or ULTRALYTICS
 *               (YOLOv8/YOLO11, {@code [1,4+C,N]}, centred letterbox, RGB /255)
 */
public record DetectorConfig(Family family, Path model, int inputSize, double scoreThreshold, double nmsIou,
                             int intraOpThreads) {

    public enum Family { YOLOX, ULTRALYTICS }

    public DetectorConfig {
        Objects.requireNonNull(family, "family");
        new YoloxConfig(model, inputSize, scoreThreshold, nmsIou, intraOpThreads); // same rules
    }

    /** Loads the model. @throws DetectorException naming the file and the shape expected versus found */
    public Detector open() throws DetectorException {
        return switch (family) {
            case YOLOX -> new YoloxDetector(new YoloxConfig(model, inputSize, scoreThreshold, nmsIou, intraOpThreads));
            case ULTRALYTICS -> new UltralyticsDetector(this);
        };
    }
}
