package tw.enforce.runtime.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Strict YAML → record binding for every config file of the product: unknown keys, missing
 * required keys, nulls and values of the wrong type are refused, and the error names the file, the
 * line and the path of the key, so a technician can fix the line at fault.
 */
public final class YamlRecords {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private YamlRecords() {
    }

    public static <T> T load(Path file, Class<T> type) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new ConfigException(file + ": file is empty");
        }
        try {
            return MAPPER.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(file, e, bytes), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    static String describe(Path file, JsonProcessingException e, byte[] yaml) {
        JsonLocation loc = e.getLocation();
        int line = loc != null ? loc.getLineNr() : -1;
        if (e instanceof UnrecognizedPropertyException u) {
            // records bind through their constructor, and Jackson reports an unknown key of a
            // multi-key record only at the end of its mapping: find the key's own line instead
            int own = lineOf(yaml, u.getPath());
            line = own > 0 ? own : line;
        }
        String where = file + (line > 0 ? ":" + line : "");
        String path = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown key '" + u.getPropertyName() + "'"
                    + (path.contains(".") ? " in " + path.substring(0, path.lastIndexOf('.')) : "")
                    + "; expected one of " + u.getKnownPropertyIds();
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            what = (path.isEmpty() ? "" : path + ": ") + rootMessage(v.getCause());
        } else if (e instanceof InvalidFormatException f) {
            what = path + ": '" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException mi && mi.getOriginalMessage().startsWith("Missing required creator property")) {
            String prop = mi.getOriginalMessage().replaceAll(".*'([^']+)'.*", "$1");
            what = "missing required key '" + prop + "'" + (path.contains(".") ? " in " + path.substring(0, path.lastIndexOf('.')) : "");
        } else {
            what = (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage();
        }
        return where + ": " + what;
    }

    /** The line of the key or item at {@code path} in the document, or -1. */
    static int lineOf(byte[] yaml, List<JsonMappingException.Reference> path) {
        try (JsonParser p = YAML.createParser(yaml)) {
            p.nextToken();
            return lineOf(p, path, 0);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int lineOf(JsonParser p, List<JsonMappingException.Reference> path, int depth) throws IOException {
        if (depth == path.size()) {
            return p.currentTokenLocation().getLineNr();
        }
        JsonMappingException.Reference r = path.get(depth);
        if (p.currentToken() == JsonToken.START_OBJECT && r.getFieldName() != null) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean match = r.getFieldName().equals(p.currentName());
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                if (match) {
                    return depth + 1 == path.size() ? keyLine : lineOf(p, path, depth + 1);
                }
                p.skipChildren();
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY && r.getIndex() >= 0) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (i++ == r.getIndex()) {
                    return lineOf(p, path, depth + 1);
                }
                p.skipChildren();
            }
        }
        return -1;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
