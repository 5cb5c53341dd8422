package tw.enforce.runtime.config;

import java.nio.file.Path;
import java.util.Map;
import tw.enforce.runtime.detect.DetectorConfig;
import tw.enforce.runtime.detect.LabelMap;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.plate.PlateReaderConfig;

/**
 * Which models the unit runs and how ({@code perception}, optional). Model paths are files on the
 * unit; a relative path is taken from the folder of the site file. Without {@code detector.model}
 * the model-free motion detector runs; without {@code plates.localiser} plates are not read. The
 * service's {@code --model} and {@code --plate-localiser} options override the paths.
 */
public record PerceptionConfig(Detector detector, MotionGate motionGate, Plates plates) {
    public static final PerceptionConfig DEFAULTS = new PerceptionConfig(null, null, null);

    public PerceptionConfig {
        detector = detector == null ? Detector.DEFAULTS : detector;
        motionGate = motionGate == null ? MotionGate.DEFAULTS : motionGate;
        plates = plates == null ? Plates.DEFAULTS : plates;
    }

    /**
     * The vehicle/person detector. {@code inputSize} defaults to 416 for YOLOX and 640 for
     * Ultralytics exports; {@code classCount} + {@code labels} map a model trained on other labels
     * than COCO-80 (both or neither).
     */
    public record Detector(DetectorConfig.Family family, String model, Integer inputSize, Double scoreThreshold,
                           Double nmsIou, Integer intraOpThreads, Integer classCount,
                           Map<Integer, ObjectClass> labels) {
        /**
         * Detections down to 0.1 reach the tracker, as ByteTrack intends: below its high score they
         * only extend existing tracks (a car standing at night, a pedestrian half hidden), never
         * start one or vote on its class.
         */
        public static final double DEFAULT_SCORE = 0.1;
        public static final Detector DEFAULTS = new Detector(null, null, null, null, null, null, null, null);

        public Detector {
            family = family == null ? DetectorConfig.Family.YOLOX : family;
            inputSize = inputSize == null ? (family == DetectorConfig.Family.YOLOX ? 416 : 640) : inputSize;
            scoreThreshold = scoreThreshold == null ? DEFAULT_SCORE : scoreThreshold;
            nmsIou = nmsIou == null ? 0.45 : nmsIou;
            intraOpThreads = intraOpThreads == null ? 1 : intraOpThreads;
            if ((classCount == null) != (labels == null)) {
                throw new IllegalArgumentException("perception.detector: classCount and labels go together"
                        + " (the model's number of class scores and which of its ids are ours)");
            }
            model = model == null || model.isBlank() ? null : model.strip();
            try { // the detector's own rules, named by the site key
                new DetectorConfig(family, Path.of("unchecked.onnx"), inputSize, scoreThreshold, nmsIou, intraOpThreads,
                        labelMap(classCount, labels));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("perception.detector: " + e.getMessage(), e);
            }
        }

        /** These settings for the model file at {@code modelFile}. */
        public DetectorConfig toDetectorConfig(Path modelFile) {
            return new DetectorConfig(family, modelFile, inputSize, scoreThreshold, nmsIou, intraOpThreads, labelMap());
        }

        public LabelMap labelMap() {
            return labelMap(classCount, labels);
        }

        private static LabelMap labelMap(Integer classCount, Map<Integer, ObjectClass> labels) {
            if (classCount == null) {
                return LabelMap.coco();
            }
            try {
                return new LabelMap(classCount, labels);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("perception.detector.labels: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Skip the detector on frames where background subtraction sees nothing move (the last
     * detections stand, so a stopped vehicle stays tracked); the model still runs at least every
     * {@code refreshEveryFrames} frames.
     */
    public record MotionGate(Boolean enabled, Integer refreshEveryFrames) {
        public static final MotionGate DEFAULTS = new MotionGate(null, null);

        public MotionGate {
            enabled = enabled == null ? Boolean.TRUE : enabled;
            refreshEveryFrames = refreshEveryFrames == null ? 15 : refreshEveryFrames;
            if (refreshEveryFrames < 1 || refreshEveryFrames > 300) {
                throw new IllegalArgumentException("perception.motionGate.refreshEveryFrames must be 1..300, got " + refreshEveryFrames);
            }
        }
    }

    /**
     * The plate reader: LPD-YuNet localiser, the PaddleOCR recogniser shipped with the software or
     * the fast-plate-ocr {@code cct_xs_v1_global} model when {@code recogniser: CCT}; plates checked
     * against Taiwanese layouts unless {@code format: ANY}.
     */
    public record Plates(String localiser, PlateReaderConfig.Recogniser recogniser, String cctModel,
                         Double localiserScore, Integer maxCandidates, Format format, Integer intraOpThreads) {
        public static final Plates DEFAULTS = new Plates(null, null, null, null, null, null, null);

        public enum Format { TAIWAN, ANY }

        public Plates {
            localiser = localiser == null || localiser.isBlank() ? null : localiser.strip();
            cctModel = cctModel == null || cctModel.isBlank() ? null : cctModel.strip();
            recogniser = recogniser == null ? PlateReaderConfig.Recogniser.PADDLE : recogniser;
            localiserScore = localiserScore == null ? 0.1 : localiserScore;
            maxCandidates = maxCandidates == null ? 3 : maxCandidates;
            format = format == null ? Format.TAIWAN : format;
            intraOpThreads = intraOpThreads == null ? 1 : intraOpThreads;
            if (recogniser == PlateReaderConfig.Recogniser.CCT && cctModel == null) {
                throw new IllegalArgumentException("perception.plates: recogniser CCT needs cctModel (the cct_xs_v1_global.onnx file)");
            }
            try { // the reader's own rules, named by the site key
                new PlateReaderConfig(Path.of("unchecked.onnx"), recogniser, Path.of("unchecked.onnx"), localiserScore,
                        maxCandidates, format == Format.TAIWAN, intraOpThreads);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("perception.plates: " + e.getMessage(), e);
            }
        }

        /** These settings for the model files at these paths. */
        public PlateReaderConfig toReaderConfig(Path localiserFile, Path cctModelFile) {
            return new PlateReaderConfig(localiserFile, recogniser, cctModelFile, localiserScore, maxCandidates,
                    format == Format.TAIWAN, intraOpThreads);
        }
    }
}
