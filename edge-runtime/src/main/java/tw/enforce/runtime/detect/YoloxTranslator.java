package tw.enforce.runtime.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.List;
import tw.enforce.camera.Frame;

/**
 * DJL's seam between engine and model family: {@link Letterbox} before, {@link YoloxDecoder} after.
 * ONNX Runtime NDArrays cannot do arithmetic, so all maths happens on Java arrays; no batchifier,
 * because stacking would need NDArray operations too.
 */
final class YoloxTranslator implements NoBatchifyTranslator<Frame, List<Detection>> {
    private static final String GEOMETRY = "letterbox";

    private final Letterbox letterbox;
    private final YoloxDecoder decoder;
    private final String inputName;
    private final int inputSize;

    YoloxTranslator(int inputSize, YoloxDecoder decoder, String inputName) {
        this.letterbox = new Letterbox(inputSize, inputSize, Letterbox.Placement.TOP_LEFT);
        this.decoder = decoder;
        this.inputName = inputName;
        this.inputSize = inputSize;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Frame frame) {
        Letterbox.Input input = letterbox.apply(frame);
        ctx.setAttachment(GEOMETRY, input.geometry());
        NDArray array = ctx.getNDManager().create(input.chw(), new Shape(1, 3, inputSize, inputSize));
        array.setName(inputName);
        return new NDList(array);
    }

    @Override
    public List<Detection> processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.get(0);
        Shape expected = expectedOutputShape();
        if (!output.getShape().equals(expected)) {
            throw new IllegalStateException("YOLOX output shape: expected " + expected + ", found " + output.getShape());
        }
        return decoder.decode(output.toFloatArray(), (LetterboxGeometry) ctx.getAttachment(GEOMETRY));
    }

    Shape expectedOutputShape() {
        return new Shape(1, YoloxDecoder.anchorCount(inputSize, inputSize), decoder.attributes());
    }
}
