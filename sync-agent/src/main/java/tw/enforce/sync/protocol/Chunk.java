package tw.enforce.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One piece of a large package's envelope, sent as its own MQTT message so a link that drops every
 * few hundred kilobytes still gets a 50 MB package through, resuming where it stopped:
 * <pre>
 *   "ENFP" | version 2 (1 byte) | header length (4 bytes, big endian) | header | chunk bytes
 * </pre>
 * The header is canonical JSON {packageId, unitId, index, count, totalBytes, sha256}, where
 * {@code sha256} is the whole version-1 envelope's hash: it names the transfer (a re-encoded
 * package is a new transfer) and is checked once the last piece is in.
 */
public record Chunk(String packageId, String unitId, int index, int count, long totalBytes, String sha256, byte[] data) {
    public static final int VERSION = 2;
    static final int MAX_CHUNKS = 100_000;

    /** Splits an envelope into pieces of at most {@code chunkBytes}. */
    public static List<Chunk> split(String packageId, String unitId, byte[] envelope, int chunkBytes) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunk size must be positive, was " + chunkBytes);
        }
        String sha = PackageFiles.sha256Hex(envelope);
        int count = Math.max(1, (envelope.length + chunkBytes - 1) / chunkBytes);
        List<Chunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * chunkBytes;
            chunks.add(new Chunk(packageId, unitId, i, count, envelope.length, sha,
                    Arrays.copyOfRange(envelope, from, Math.min(envelope.length, from + chunkBytes))));
        }
        return chunks;
    }

    public static boolean isChunk(byte[] message) {
        return message != null && message.length > 4 && Arrays.equals(Arrays.copyOf(message, 4), PackageCodec.MAGIC)
                && (message[4] & 0xff) == VERSION;
    }

    public byte[] encode() {
        ObjectNode h = CanonicalJson.mapper().createObjectNode();
        h.put("packageId", packageId).put("unitId", unitId).put("index", index).put("count", count)
                .put("totalBytes", totalBytes).put("sha256", sha256);
        byte[] header = CanonicalJson.write(h);
        return ByteBuffer.allocate(4 + 1 + 4 + header.length + data.length).put(PackageCodec.MAGIC).put((byte) VERSION)
                .putInt(header.length).put(header).put(data).array();
    }

    public static Chunk decode(byte[] message) throws MalformedMessageException {
        if (!isChunk(message) || message.length < 9) {
            throw new MalformedMessageException("not a chunk envelope");
        }
        ByteBuffer buf = ByteBuffer.wrap(message, 5, message.length - 5);
        int headerLength = buf.getInt();
        if (headerLength <= 0 || headerLength > 4096 || headerLength > buf.remaining()) {
            throw new MalformedMessageException("chunk header length " + Integer.toUnsignedString(headerLength) + " is invalid");
        }
        byte[] header = new byte[headerLength];
        buf.get(header);
        JsonNode h = CanonicalJson.read(header);
        String packageId = text(h, "packageId");
        String unitId = text(h, "unitId");
        JsonNode sha = h.get("sha256");
        if (sha == null || !sha.isTextual() || !sha.asText().matches("[0-9a-f]{64}")) {
            throw new MalformedMessageException("chunk of " + packageId + ": 'sha256' must be 64 lowercase hex digits");
        }
        int count = intField(h, "count", packageId);
        int index = intField(h, "index", packageId);
        long total = h.path("totalBytes").canConvertToLong() ? h.path("totalBytes").asLong() : -1;
        if (count < 1 || count > MAX_CHUNKS || index < 0 || index >= count || total < 0
                || total > (long) Integer.MAX_VALUE) {
            throw new MalformedMessageException("chunk of " + packageId + ": index " + index + " of " + count
                    + ", total " + total + " bytes is out of range");
        }
        byte[] data = new byte[buf.remaining()];
        buf.get(data);
        return new Chunk(packageId, unitId, index, count, total, sha.asText(), data);
    }

    private static int intField(JsonNode h, String field, String packageId) throws MalformedMessageException {
        JsonNode v = h.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
            throw new MalformedMessageException("chunk of " + packageId + ": '" + field + "' missing or not an integer");
        }
        return v.asInt();
    }

    private static String text(JsonNode h, String field) throws MalformedMessageException {
        JsonNode v = h.isObject() ? h.get(field) : null;
        if (v == null || !v.isTextual() || !SafeNames.isSafe(v.asText())) {
            throw new MalformedMessageException("chunk header: '" + field + "' missing or not a safe name");
        }
        return v.asText();
    }
}
