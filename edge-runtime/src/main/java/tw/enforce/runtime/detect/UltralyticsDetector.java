package tw.enforce.runtime.detect;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import tw.enforce.camera.Frame;

/**
 * Ultralytics YOLOv8/YOLO11 exports on ONNX Runtime through DJL: centred letterbox (pad 114), RGB,
 * scaled to [0,1]; output {@code [1, 4+80, N]}. Not thread-safe (one DJL predictor). Construction
 * checks the declared shapes, so a model of another family fails at start naming file and shapes.
 */
public final class UltralyticsDetector implements Detector {

    static {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final String description;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<Frame, List<Detection>> predictor;
    private boolean closed;

    public UltralyticsDetector(DetectorConfig config) throws DetectorException {
        Path path = config.model().toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new DetectorException("Ultralytics model file missing or unreadable: " + path);
        }
        this.description = path.getFileName() + " sha256:" + YoloxDetector.sha256(path).substring(0, 12);
        UltralyticsDecoder decoder = new UltralyticsDecoder(config.labels(), config.scoreThreshold(), config.nmsIou());
        int s = config.inputSize();
        String inputName = checkShapes(path, s, decoder.attributes());
        Criteria.Builder<NDList, NDList> builder = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optEngine("OnnxRuntime").optModelPath(path).optTranslator(new NoopTranslator());
        if (config.intraOpThreads() > 0) {
            builder.optOption("intraOpNumThreads", Integer.toString(config.intraOpThreads()));
        }
        try {
            this.model = builder.build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new DetectorException("cannot load Ultralytics model " + path + ": " + e.getMessage(), e);
        }
        this.predictor = model.newPredictor(new Translator(s, decoder, inputName));
    }

    @Override
    public List<Detection> detect(Frame frame) throws DetectorException {
        try {
            return predictor.predict(frame);
        } catch (TranslateException | RuntimeException e) {
            throw new DetectorException("Ultralytics " + description + " failed on " + frame + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            predictor.close();
            model.close();
        }
    }

    private static String checkShapes(Path path, int s, int attrs) throws DetectorException {
        Engine.getEngine("OnnxRuntime"); // DJL must create the shared OrtEnvironment first
        long[] wantIn = {1, 3, s, s};
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(path.toString())) {
            var in = session.getInputInfo().entrySet().iterator().next();
            long[] foundIn = shapeOf(in.getValue());
            if (session.getInputInfo().size() != 1 || !fits(foundIn, wantIn)) {
                throw new DetectorException("Ultralytics model " + path + ": input shape expected "
                        + Arrays.toString(wantIn) + ", found " + Arrays.toString(foundIn));
            }
            long[] foundOut = shapeOf(session.getOutputInfo().values().iterator().next());
            long[] wantOut = {1, attrs, -1};
            if (session.getOutputInfo().size() != 1 || !fits(foundOut, wantOut)) {
                throw new DetectorException("Ultralytics model " + path + ": output shape expected [1, " + attrs
                        + ", N] (4 box values + " + (attrs - 4) + " class scores), found " + Arrays.toString(foundOut));
            }
            return in.getKey();
        } catch (OrtException e) {
            throw new DetectorException("cannot open Ultralytics model " + path + " as ONNX: " + e.getMessage(), e);
        }
    }

    private static long[] shapeOf(NodeInfo node) {
        return node.getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
    }

    private static boolean fits(long[] found, long[] want) {
        if (found.length != want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (found[i] >= 0 && want[i] >= 0 && found[i] != want[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reuses the BGR letterbox and turns it into RGB /255: pad 114 stays 114/255, as Ultralytics pads. */
    private static final class Translator implements NoBatchifyTranslator<Frame, List<Detection>> {
        private final Letterbox letterbox;
        private final UltralyticsDecoder decoder;
        private final String inputName;
        private final int size;

        Translator(int size, UltralyticsDecoder decoder, String inputName) {
            this.letterbox = new Letterbox(size, size, Letterbox.Placement.CENTRED);
            this.decoder = decoder;
            this.inputName = inputName;
            this.size = size;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Frame frame) {
            Letterbox.Input in = letterbox.apply(frame);
            ctx.setAttachment("letterbox", in.geometry());
            float[] bgr = in.chw();
            int plane = size * size;
            float[] rgb = new float[bgr.length];
            for (int i = 0; i < plane; i++) {
                rgb[i] = bgr[2 * plane + i] / 255f;
                rgb[plane + i] = bgr[plane + i] / 255f;
                rgb[2 * plane + i] = bgr[i] / 255f;
            }
            NDArray array = ctx.getNDManager().create(rgb, new Shape(1, 3, size, size));
            array.setName(inputName);
            return new NDList(array);
        }

        @Override
        public List<Detection> processOutput(TranslatorContext ctx, NDList list) {
            NDArray out = list.get(0);
            long[] shape = out.getShape().getShape();
            if (shape.length != 3 || shape[1] != decoder.attributes()) {
                throw new IllegalStateException("Ultralytics output shape: expected [1, " + decoder.attributes()
                        + ", N], found " + out.getShape());
            }
            return decoder.decode(out.toFloatArray(), (int) shape[2], (LetterboxGeometry) ctx.getAttachment("letterbox"));
        }
    }
}
