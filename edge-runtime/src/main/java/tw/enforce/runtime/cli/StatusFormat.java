package tw.enforce.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** Renders a status reply as aligned "key: value" lines for a technician's terminal. */
final class StatusFormat {
    private StatusFormat() {
    }

    static String pretty(String json) throws IOException {
        JsonNode n = new ObjectMapper().readTree(json);
        if (n.has("error")) {
            return "error: " + n.get("error").asText();
        }
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String value = e.getValue().isObject() ? e.getValue().toString() : e.getValue().asText();
            sb.append(String.format("%-20s %s%n", e.getKey() + ":", value));
        }
        return sb.toString().stripTrailing();
    }
}
