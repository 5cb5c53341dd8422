package tw.enforce.runtime.plate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the plate reader.
 *
 * @param localiserModel  LPD-YuNet {@code .onnx}
 * @param recogniser      which recogniser reads the characters
 * @param cctModel        the fast-plate-ocr model, required when {@code recogniser == CCT}
 * @param localiserScore  minimum LPD-YuNet score for a plate candidate, in [0,1]
 * @param maxCandidates   how many of the best candidates per vehicle are read
 * @param taiwanFormat    validate and normalise against Taiwanese layouts; false accepts any plate
 * @param intraOpThreads  ONNX Runtime threads inside one operator; 0 lets ONNX Runtime choose
 */
public record PlateReaderConfig(Path localiserModel, Recogniser recogniser, Path cctModel, double localiserScore,
                                int maxCandidates, boolean taiwanFormat, int intraOpThreads) {

    public enum Recogniser { PADDLE, CCT }

    public PlateReaderConfig {
        Objects.requireNonNull(localiserModel, "localiserModel");
        Objects.requireNonNull(recogniser, "recogniser");
        if (recogniser == Recogniser.CCT && cctModel == null) {
            throw new IllegalArgumentException("plate recogniser cct needs cctModel (cct_xs_v1_global.onnx)");
        }
        if (!(localiserScore >= 0 && localiserScore <= 1)) {
            throw new IllegalArgumentException("localiserScore must be in [0,1], was " + localiserScore);
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be at least 1, was " + maxCandidates);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (automatic) or more, was " + intraOpThreads);
        }
    }

    /** PaddleOCR from the class path, LPD-YuNet at score ≥ 0.1 (it is trained on Chinese plates and scores others low; the best three candidates are read and the recogniser and format arbitrate), Taiwanese layouts, one thread. */
    public static PlateReaderConfig defaults(Path localiserModel) {
        return new PlateReaderConfig(localiserModel, Recogniser.PADDLE, null, 0.1, 3, true, 1);
    }

    public PlateFormat format() {
        return taiwanFormat ? new TaiwanPlateFormat() : PlateFormat.ANY;
    }

    /** Loads the models. @throws PlateReaderException naming a model that is missing or wrongly shaped */
    public LocalisingPlateReader open() throws PlateReaderException {
        PlateRecogniser rec = openRecogniser();
        try {
            return new LocalisingPlateReader(new YunetLocaliser(localiserModel, localiserScore, intraOpThreads), rec,
                    format(), maxCandidates);
        } catch (PlateReaderException | RuntimeException e) {
            rec.close();
            throw e;
        }
    }

    public PlateRecogniser openRecogniser() throws PlateReaderException {
        if (recogniser == Recogniser.CCT) {
            return new CctRecogniser(cctModel, intraOpThreads);
        }
        PaddleRecogniser paddle = PaddleRecogniser.fromClasspath(intraOpThreads);
        try {
            return new LineSplittingRecogniser(PaddleTextLines.fromClasspath(intraOpThreads), paddle);
        } catch (PlateReaderException | RuntimeException e) {
            paddle.close();
            throw e;
        }
    }
}
