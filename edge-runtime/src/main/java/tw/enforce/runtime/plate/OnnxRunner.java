package tw.enforce.runtime.plate;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
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
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One ONNX model on ONNX Runtime through DJL, fed and read as plain Java arrays ({@link Tensor}),
 * so each model family keeps its pre- and post-processing in Java and testable without the model.
 *
 * <p>Construction checks the declared input and output ranks and fixed dimensions against what the
 * caller expects (negative = any), with ONNX Runtime itself because DJL does not report shapes;
 * DJL's engine is started first, since it must create the shared {@code OrtEnvironment} or fail.
 * Not thread-safe: one DJL predictor per instance.
 */
public final class OnnxRunner implements AutoCloseable {

    static {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final String what;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<List<Tensor>, List<Tensor>> predictor;
    private boolean closed;

    /**
     * @param what           a name for messages, e.g. "LPD-YuNet model /models/lpd.onnx"
     * @param expectInput    declared shape expected for the single input
     * @param expectOutputs  declared shapes expected for the outputs, in order
     * @throws PlateReaderException naming the file and the expected versus found shape
     */
    public OnnxRunner(String what, Path path, int intraOpThreads, long[] expectInput, long[]... expectOutputs)
            throws PlateReaderException {
        this.what = what;
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new PlateReaderException(what + ": model file missing or unreadable: " + path);
        }
        checkShapes(path, expectInput, expectOutputs);
        Criteria.Builder<NDList, NDList> builder = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optEngine("OnnxRuntime")
                .optModelPath(path)
                .optTranslator(new NoopTranslator());
        if (intraOpThreads > 0) {
            builder.optOption("intraOpNumThreads", Integer.toString(intraOpThreads));
        }
        try {
            this.model = builder.build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new PlateReaderException("cannot load " + what + " from " + path + ": " + e.getMessage(), e);
        }
        this.predictor = model.newPredictor(new ArraysTranslator());
    }

    public List<Tensor> run(Tensor input) throws PlateReaderException {
        try {
            return predictor.predict(List.of(input));
        } catch (TranslateException | RuntimeException e) {
            throw new PlateReaderException(what + " failed on input " + input + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            predictor.close();
            model.close();
        }
    }

    private void checkShapes(Path path, long[] wantIn, long[][] wantOut) throws PlateReaderException {
        try {
            Engine.getEngine("OnnxRuntime");
        } catch (RuntimeException e) {
            throw new PlateReaderException("ONNX Runtime engine unavailable for " + what + ": " + e.getMessage(), e);
        }
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(path.toString())) {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1) {
                throw new PlateReaderException(what + " " + path + ": expected one input " + Arrays.toString(wantIn)
                        + ", found inputs " + inputs.keySet());
            }
            long[] in = shapeOf(inputs.values().iterator().next());
            if (!matches(in, wantIn)) {
                throw new PlateReaderException(what + " " + path + ": input shape expected " + Arrays.toString(wantIn)
                        + ", found " + Arrays.toString(in));
            }
            List<NodeInfo> outs = new ArrayList<>(session.getOutputInfo().values());
            if (outs.size() != wantOut.length) {
                throw new PlateReaderException(what + " " + path + ": expected " + wantOut.length + " outputs, found "
                        + session.getOutputInfo().keySet());
            }
            for (int i = 0; i < wantOut.length; i++) {
                long[] found = shapeOf(outs.get(i));
                if (!matches(found, wantOut[i])) {
                    throw new PlateReaderException(what + " " + path + ": output " + outs.get(i).getName()
                            + " shape expected " + Arrays.toString(wantOut[i]) + ", found " + Arrays.toString(found));
                }
            }
        } catch (OrtException e) {
            throw new PlateReaderException("cannot open " + what + " " + path + " as ONNX: " + e.getMessage(), e);
        }
    }

    private static long[] shapeOf(NodeInfo node) {
        return node.getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
    }

    /** Negative dimensions on either side are dynamic and match anything. */
    static boolean matches(long[] found, long[] want) {
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

    /** ONNX Runtime NDArrays cannot do arithmetic: arrays in, arrays out, nothing else. */
    private static final class ArraysTranslator implements NoBatchifyTranslator<List<Tensor>, List<Tensor>> {
        @Override
        public NDList processInput(TranslatorContext ctx, List<Tensor> input) {
            NDManager m = ctx.getNDManager();
            NDList list = new NDList();
            for (Tensor t : input) {
                NDArray a = t.isBytes()
                        ? m.create(ByteBuffer.wrap(t.bytes()), new Shape(t.shape()), DataType.UINT8)
                        : m.create(t.floats(), new Shape(t.shape()));
                a.setName(t.name());
                list.add(a);
            }
            return list;
        }

        @Override
        public List<Tensor> processOutput(TranslatorContext ctx, NDList list) {
            List<Tensor> out = new ArrayList<>(list.size());
            for (NDArray a : list) {
                if (a.getDataType() != DataType.FLOAT32) {
                    throw new IllegalStateException("output " + a.getName() + " is " + a.getDataType()
                            + ", expected float32");
                }
                out.add(Tensor.ofFloats(a.getName(), a.toFloatArray(), a.getShape().getShape()));
            }
            return out;
        }
    }
}
