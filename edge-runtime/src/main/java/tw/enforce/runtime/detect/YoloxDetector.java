package tw.enforce.runtime.detect;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.camera.Frame;

/**
 * YOLOX on ONNX Runtime through DJL, for a local model file only.
 *
 * <p>Not thread-safe: it owns one DJL {@code Predictor}, which must not be used concurrently.
 * Create one detector per pipeline thread (each loads its own ONNX session, ~4 MB for Nano).
 *
 * <p>DJL is forced offline ({@code ai.djl.offline=true}) unless the property was set explicitly:
 * otherwise its engine start calls out to the network. Construction hashes the file, checks its
 * declared input and output shapes against the configured size, loads it and runs one warm-up
 * inference, so a wrong or broken model fails at start, not on the first vehicle.
 */
public final class YoloxDetector implements Detector {
    private static final Logger log = LoggerFactory.getLogger(YoloxDetector.class);

    static {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final YoloxConfig config;
    private final String sha256;
    private final String description;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<Frame, List<Detection>> predictor;

    /**
     * @throws DetectorException naming the model path when the file is missing or unreadable, is
     *                           not a loadable ONNX model, or has an input/output shape other than
     *                           {@code [1,3,S,S]} / {@code [1,anchors(S),85]} for S = inputSize
     */
    public YoloxDetector(YoloxConfig config) throws DetectorException {
        this.config = config;
        Path path = config.model().toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new DetectorException("YOLOX model file missing or unreadable: " + path);
        }
        this.sha256 = sha256(path);
        this.description = path.getFileName() + " sha256:" + sha256.substring(0, 12);
        YoloxDecoder decoder = new YoloxDecoder(config.labels(), config.scoreThreshold(), config.nmsIou());
        Shape expectedOutput = new Shape(1, YoloxDecoder.anchorCount(config.inputSize(), config.inputSize()),
                decoder.attributes());
        String inputName = checkShapes(path, expectedOutput);
        this.model = load(path, config.intraOpThreads());
        Predictor<Frame, List<Detection>> p = null;
        try {
            p = model.newPredictor(new YoloxTranslator(config.inputSize(), decoder, inputName));
            warmUp(p, path);
        } catch (DetectorException | RuntimeException e) {
            if (p != null) {
                p.close();
            }
            model.close();
            throw e;
        }
        this.predictor = p;
        log.info("detector {} loaded: input {}x{}, score>={}, nms iou {}", description, config.inputSize(),
                config.inputSize(), config.scoreThreshold(), config.nmsIou());
    }

    @Override
    public List<Detection> detect(Frame frame) throws DetectorException {
        try {
            return predictor.predict(frame);
        } catch (TranslateException | RuntimeException e) {
            throw new DetectorException("YOLOX " + description + " failed on " + frame + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    /** Hex SHA-256 of the model file as loaded, for evidence manifests. */
    private boolean closed;

    public String modelSha256() {
        return sha256;
    }

    public YoloxConfig config() {
        return config;
    }

    /** Frees the native model; a second call does nothing (ONNX Runtime throws on a double close). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        predictor.close();
        model.close();
    }

    private static ZooModel<NDList, NDList> load(Path path, int intraOpThreads) throws DetectorException {
        Criteria.Builder<NDList, NDList> builder = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optEngine("OnnxRuntime")
                .optModelPath(path)
                .optTranslator(new NoopTranslator());
        if (intraOpThreads > 0) {
            builder.optOption("intraOpNumThreads", Integer.toString(intraOpThreads));
        }
        try {
            return builder.build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new DetectorException("cannot load YOLOX model " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the declared tensor shapes with ONNX Runtime itself (DJL reports input names only),
     * before DJL loads the model, so a bad file leaves no half-loaded DJL model behind. DJL's
     * engine is started first: it must create the shared {@code OrtEnvironment}, or it fails.
     */
    private String checkShapes(Path path, Shape expectedOutput) throws DetectorException {
        int s = config.inputSize();
        long[] wantIn = {1, 3, s, s};
        try {
            Engine.getEngine("OnnxRuntime");
        } catch (RuntimeException e) {
            throw new DetectorException("ONNX Runtime engine unavailable for " + path + ": " + e.getMessage(), e);
        }
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(path.toString())) {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            if (inputs.size() != 1) {
                throw new DetectorException("YOLOX model " + path + ": expected one input " + new Shape(wantIn)
                        + ", found inputs " + inputs.keySet());
            }
            Map.Entry<String, NodeInfo> in = inputs.entrySet().iterator().next();
            long[] foundIn = shapeOf(in.getValue());
            if (!matches(foundIn, wantIn)) {
                throw new DetectorException("YOLOX model " + path + ": input '" + in.getKey() + "' shape expected "
                        + new Shape(wantIn) + ", found " + new Shape(foundIn));
            }
            if (outputs.size() != 1) {
                throw new DetectorException("YOLOX model " + path + ": expected one output " + expectedOutput
                        + ", found outputs " + outputs.keySet());
            }
            long[] foundOut = shapeOf(outputs.values().iterator().next());
            if (!matches(foundOut, expectedOutput.getShape())) {
                throw new DetectorException("YOLOX model " + path + ": output shape expected " + expectedOutput
                        + " for a " + s + "x" + s + " input, found " + new Shape(foundOut));
            }
            return in.getKey();
        } catch (OrtException e) {
            throw new DetectorException("cannot open YOLOX model " + path + " as ONNX: " + e.getMessage(), e);
        }
    }

    private static long[] shapeOf(NodeInfo node) {
        return node.getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
    }

    /** Negative declared dimensions are dynamic axes and accept any size. */
    private static boolean matches(long[] found, long[] want) {
        if (found.length != want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (found[i] >= 0 && found[i] != want[i]) {
                return false;
            }
        }
        return true;
    }

    private void warmUp(Predictor<Frame, List<Detection>> p, Path path) throws DetectorException {
        int s = config.inputSize();
        byte[] grey = new byte[s * s * 3];
        Arrays.fill(grey, (byte) Letterbox.PAD_VALUE);
        try {
            p.predict(new Frame("warm-up", 0, Instant.EPOCH, s, s, grey));
        } catch (TranslateException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new DetectorException("YOLOX model " + path + " failed its warm-up inference: " + root.getMessage(), e);
        }
    }

    static String sha256(Path path) throws DetectorException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new DetectorException("cannot read YOLOX model file " + path + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM without SHA-256", e);
        }
    }
}
