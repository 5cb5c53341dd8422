package tw.enforce.runtime.detect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which detector to build: the export family decides pre-processing and decoding.
 *
 * @param family YOLOX ({@code [1,N,85]}, top-left letterbox, BGR 0–255) or ULTRALYTICS
 *               (YOLOv8/YOLO11, {@code [1,4+C,N]}, centred letterbox, RGB /255)
 * @param labels the model's class ids mapped onto the unit's classes; its class count fixes C
 */
public record DetectorConfig(Family family, Path model, int inputSize, double scoreThreshold, double nmsIou,
                             int intraOpThreads, LabelMap labels) {

    public enum Family { YOLOX, ULTRALYTICS }

    public DetectorConfig(Family family, Path model, int inputSize, double scoreThreshold, double nmsIou,
                          int intraOpThreads) {
        this(family, model, inputSize, scoreThreshold, nmsIou, intraOpThreads, LabelMap.coco());
    }

    public DetectorConfig {
        Objects.requireNonNull(family, "family");
        labels = labels == null ? LabelMap.coco() : labels;
        new YoloxConfig(model, inputSize, scoreThreshold, nmsIou, intraOpThreads, labels); // same rules
    }

    /** Loads the model. @throws DetectorException naming the file and the shape expected versus found */
    public Detector open() throws DetectorException {
        return switch (family) {
            case YOLOX -> new YoloxDetector(new YoloxConfig(model, inputSize, scoreThreshold, nmsIou, intraOpThreads, labels));
            case ULTRALYTICS -> new UltralyticsDetector(this);
        };
    }
}
