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
        lines(sb, "", n, true);
        return sb.toString().stripTrailing();
    }

    /** Sections (hardware, radar) are opened one level, indented; smaller maps stay on one line. */
    private static void lines(StringBuilder sb, String indent, JsonNode n, boolean openSections) {
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (openSections && v.isObject() && SECTIONS.contains(e.getKey())) {
                sb.append(indent).append(e.getKey()).append(':').append(System.lineSeparator());
                lines(sb, indent + "  ", v, true);
                continue;
            }
            String value = v.isObject() ? v.toString() : v.asText();
            sb.append(String.format("%-20s %s%n", indent + e.getKey() + ":", value));
        }
    }

    private static final java.util.Set<String> SECTIONS = java.util.Set.of("hardware", "radar");
}
