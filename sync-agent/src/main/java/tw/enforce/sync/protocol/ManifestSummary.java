package tw.enforce.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of an evidence manifest the sync layer relies on; the runtime's manifest holds much more
 * (times, signal phase, models...), which is ignored here but covered by the signature.
 */
public record ManifestSummary(String packageId, String unitId, long sequence, String previousManifestSha256,
                              List<ListedFile> files) {

    /** previousManifestSha256 of a unit's first package (sequence 1). */
    public static final String GENESIS = "0".repeat(64);

    public record ListedFile(String name, String sha256, long size) {
    }

    public ManifestSummary {
        files = List.copyOf(files);
    }

    public static ManifestSummary parse(byte[] manifestJson) throws MalformedMessageException {
        JsonNode root = CanonicalJson.read(manifestJson);
        if (!root.isObject()) {
            throw new MalformedMessageException(PackageFiles.MANIFEST + ": not a JSON object");
        }
        String packageId = safeText(root, "packageId", PackageFiles.MANIFEST);
        String unitId = safeText(root, "unitId", PackageFiles.MANIFEST);
        JsonNode seq = root.get("sequence");
        if (seq == null || !seq.canConvertToExactIntegral() || !seq.canConvertToLong()) {
            throw new MalformedMessageException(PackageFiles.MANIFEST + ": 'sequence' missing or not an integer");
        }
        JsonNode prev = root.get("previousManifestSha256");
        if (prev == null || !prev.isTextual() || !prev.asText().matches("[0-9a-f]{64}")) {
            throw new MalformedMessageException(PackageFiles.MANIFEST
                    + ": 'previousManifestSha256' missing or not 64 lowercase hex digits");
        }
        JsonNode list = root.get("files");
        if (list == null || !list.isArray()) {
            throw new MalformedMessageException(PackageFiles.MANIFEST + ": 'files' missing or not an array");
        }
        List<ListedFile> files = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            String where = PackageFiles.MANIFEST + " files[" + i + "]";
            if (!f.isObject()) {
                throw new MalformedMessageException(where + ": not an object");
            }
            String name = safeText(f, "name", where);
            JsonNode sha = f.get("sha256");
            if (sha == null || !sha.isTextual() || !sha.asText().matches("[0-9a-f]{64}")) {
                throw new MalformedMessageException(where + " (" + name + "): 'sha256' must be 64 lowercase hex digits");
            }
            JsonNode size = f.get("size");
            if (size == null || !size.canConvertToExactIntegral() || !size.canConvertToLong() || size.asLong() < 0) {
                throw new MalformedMessageException(where + " (" + name + "): 'size' must be a non-negative integer");
            }
            files.add(new ListedFile(name, sha.asText(), size.asLong()));
        }
        return new ManifestSummary(packageId, unitId, seq.asLong(), prev.asText(), files);
    }

    private static String safeText(JsonNode node, String field, String where) throws MalformedMessageException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new MalformedMessageException(where + ": '" + field + "' missing or not a string");
        }
        if (!SafeNames.isSafe(v.asText())) {
            throw new MalformedMessageException(where + ": '" + field + "' = '" + SafeNames.printable(v.asText())
                    + "' is not a safe name");
        }
        return v.asText();
    }
}
