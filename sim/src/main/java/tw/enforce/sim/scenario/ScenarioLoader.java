package tw.enforce.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a scenario YAML file into {@link Scenario}, validating as it goes. Every failure is a
 * {@link ScenarioException} whose message reads {@code file:line:column: path: problem}.
 *
 * <p>Required fields are marked {@code @JsonProperty(required = true)} rather than by enabling
 * {@code FAIL_ON_MISSING_CREATOR_PROPERTIES}/{@code FAIL_ON_NULL_CREATOR_PROPERTIES}: those features
 * apply to every constructor parameter of every record, which would make the optional fields with
 * defaults (fps, camera, pins, weather, …) mandatory. Explicit nulls of required fields are caught
 * by the records' constructors and reported with a line like any other bad value.
 */
public final class ScenarioLoader {
    private final ObjectMapper mapper = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    public Scenario load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Scenario s = mapper.readValue(in, Scenario.class);
            if (s == null) {
                throw new ScenarioException(file + ": the file is empty", null);
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new ScenarioException(describe(file, e), e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read scenario: " + e.getMessage(), e);
        }
    }

    private String describe(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            // Records are built through their constructor, so Jackson buffers a record's keys and
            // reports problems where the mapping ends; the key's own line is what a person needs.
            // A missing key has no line of its own: point at the mapping that lacks it.
            Map<String, JsonLocation> keys = keyLocations(file);
            for (String ptr = pointer(m); !ptr.isEmpty(); ptr = ptr.substring(0, ptr.lastIndexOf('/'))) {
                if (keys.containsKey(ptr)) {
                    loc = keys.get(ptr);
                    break;
                }
            }
        }
        StringBuilder msg = new StringBuilder(file.toString());
        if (loc != null && loc.getLineNr() > 0) {
            msg.append(':').append(loc.getLineNr()).append(':').append(loc.getColumnNr());
        }
        msg.append(": ");
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            msg.append(path(m)).append(": ");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            msg.append("unknown key '").append(u.getPropertyName()).append("'; expected one of ")
                    .append(u.getKnownPropertyIds());
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            msg.append(e.getCause().getMessage());
        } else {
            msg.append(e.getOriginalMessage());
        }
        return msg.toString();
    }

    /** Where each key and each list item starts, by JSON pointer; empty if the file cannot be re-read. */
    private Map<String, JsonLocation> keyLocations(Path file) {
        Map<String, JsonLocation> out = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || p.getParsingContext().getParent() != null
                        && p.getParsingContext().getParent().inArray() && t.isStructStart()) {
                    String ptr = t == JsonToken.FIELD_NAME ? p.getParsingContext().pathAsPointer().toString()
                            : p.getParsingContext().getParent().pathAsPointer().toString();
                    out.putIfAbsent(ptr, p.currentTokenLocation());
                } else if (p.getParsingContext().inArray() && t.isScalarValue()) {
                    out.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the locations are a courtesy: the mapping error itself is still reported
        }
        return out;
    }

    private static String pointer(JsonMappingException m) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            p.append('/').append(r.getIndex() >= 0 ? String.valueOf(r.getIndex()) : r.getFieldName());
        }
        return p.toString();
    }

    private static String path(JsonMappingException m) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getIndex() >= 0) {
                p.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (p.length() > 0) {
                    p.append('.');
                }
                p.append(r.getFieldName());
            }
        }
        return p.toString();
    }
}
