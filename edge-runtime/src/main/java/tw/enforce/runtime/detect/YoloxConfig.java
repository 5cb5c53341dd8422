package tw.enforce.runtime.detect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a {@link YoloxDetector}.
 *
 * @param model          the {@code .onnx} file, loaded from this path only (nothing is downloaded)
 * @param inputSize      square model input side in pixels (416 for YOLOX-Nano/Tiny, 640 for S and up)
 * @param scoreThreshold minimum objectness·class score kept, in [0,1]
 * @param nmsIou         IoU above which a lower-scored box of the same class is suppressed, in (0,1]
 * @param intraOpThreads ONNX Runtime threads inside one operator; 0 lets ONNX Runtime choose
 * @param labels         the model's class ids mapped onto the unit's classes (COCO-80 for the releases)
 */
public record YoloxConfig(Path model, int inputSize, double scoreThreshold, double nmsIou, int intraOpThreads,
                          LabelMap labels) {

    public YoloxConfig(Path model, int inputSize, double scoreThreshold, double nmsIou, int intraOpThreads) {
        this(model, inputSize, scoreThreshold, nmsIou, intraOpThreads, LabelMap.coco());
    }

    public YoloxConfig {
        Objects.requireNonNull(model, "model");
        labels = labels == null ? LabelMap.coco() : labels;
        if (inputSize < 32 || inputSize % 32 != 0) {
            throw new IllegalArgumentException("YOLOX inputSize must be a positive multiple of 32, was " + inputSize);
        }
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
            throw new IllegalArgumentException("scoreThreshold must be in [0,1], was " + scoreThreshold);
        }
        if (!(nmsIou > 0 && nmsIou <= 1)) {
            throw new IllegalArgumentException("nmsIou must be in (0,1], was " + nmsIou);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (automatic) or more, was " + intraOpThreads);
        }
    }

    /**
     * YOLOX-Nano at 416, score ≥ 0.25, NMS IoU 0.45, one intra-op thread: on a busy 2-core unit
     * (decoding, tracking, plate reading alongside) one thread measured 30 ms/frame median against
     * 90–110 ms for 2 or automatic threads, whose spinning workers fight the other stages for the cores.
     */
    public static YoloxConfig nano(Path model) {
        return new YoloxConfig(model, 416, 0.25, 0.45, 1);
    }
}
