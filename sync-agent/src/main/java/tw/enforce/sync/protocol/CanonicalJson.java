package tw.enforce.sync.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Canonical JSON for signed manifests and protocol messages: UTF-8, object keys sorted by name at
 * every level (bean and record properties, map entries and tree nodes alike), no whitespace.
 * The same value always gives the same bytes, so a signature over the bytes can be checked by
 * re-reading them. Times are ISO-8601 strings (java.time, UTC as written), never epoch numbers.
 * Duplicate keys are refused on read: they would let two readers see two values
 * under one signature.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // records put their creator (component) properties first unless told otherwise
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private CanonicalJson() {
    }

    /** Canonical UTF-8 bytes of a record, bean, map or {@link JsonNode}; a value Jackson cannot write is a programming error. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode read(byte[] json) throws MalformedMessageException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedMessageException("empty JSON document");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedMessageException("invalid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) throws MalformedMessageException {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new MalformedMessageException("invalid JSON for " + type.getSimpleName() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The configured mapper, for tree building ({@code createObjectNode()}); do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
