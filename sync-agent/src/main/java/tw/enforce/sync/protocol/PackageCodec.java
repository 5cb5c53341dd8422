package tw.enforce.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The binary envelope of one package in one MQTT message:
 * <pre>
 *   "ENFP" | version (1 byte) | header length (4 bytes, big endian) | header | file bytes...
 * </pre>
 * The header is canonical JSON {packageId, unitId, files: [{name, size}]} and the file bytes follow
 * back to back in header order. Version 1 is the whole package in one message; a later version can
 * carry chunks of large media under the same magic without breaking version 1 readers' errors.
 * Decoding trusts nothing: every length is checked against what is left before anything is
 * allocated, and names are {@link SafeNames safe} so a package cannot write outside its folder.
 */
public final class PackageCodec {
    public static final byte[] MAGIC = {'E', 'N', 'F', 'P'};
    public static final int VERSION = 1;
    static final int MAX_HEADER_BYTES = 1 << 20;
    static final int MAX_FILES = 1000;
    private static final int PREAMBLE = MAGIC.length + 1 + 4;

    private PackageCodec() {
    }

    /**
     * Reads a package folder (flat: regular files only) into an envelope; ids come from its manifest.
     *
     * @throws NoSuchFileException when the folder or its manifest is missing
     * @throws MalformedMessageException when the folder does not follow the package contract
     */
    public static byte[] encode(Path packageDir) throws IOException, MalformedMessageException {
        return encode(read(packageDir));
    }

    public static WirePackage read(Path packageDir) throws IOException, MalformedMessageException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(packageDir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!Files.isRegularFile(p)) {
                    throw new MalformedMessageException(packageDir + ": '" + name + "' is not a regular file");
                }
                if (!SafeNames.isSafe(name)) {
                    throw new MalformedMessageException(packageDir + ": file name '" + SafeNames.printable(name)
                            + "' is not a safe name");
                }
                files.put(name, Files.readAllBytes(p));
            }
        }
        byte[] manifest = files.get(PackageFiles.MANIFEST);
        if (manifest == null) {
            throw new NoSuchFileException(packageDir.resolve(PackageFiles.MANIFEST).toString());
        }
        ManifestSummary m;
        try {
            m = ManifestSummary.parse(manifest);
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException(packageDir + ": " + e.getMessage(), e);
        }
        return new WirePackage(m.packageId(), m.unitId(), files);
    }

    public static byte[] encode(WirePackage pkg) {
        ObjectNode header = CanonicalJson.mapper().createObjectNode();
        header.put("packageId", pkg.packageId());
        header.put("unitId", pkg.unitId());
        ArrayNode list = header.putArray("files");
        pkg.files().forEach((name, bytes) -> list.addObject().put("name", name).put("size", bytes.length));
        byte[] headerBytes = CanonicalJson.write(header);
        ByteArrayOutputStream out = new ByteArrayOutputStream(PREAMBLE + headerBytes.length + (int) pkg.totalBytes());
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.writeBytes(ByteBuffer.allocate(4).putInt(headerBytes.length).array());
        out.writeBytes(headerBytes);
        pkg.files().values().forEach(out::writeBytes);
        return out.toByteArray();
    }

    public static WirePackage decode(byte[] message) throws MalformedMessageException {
        if (message == null || message.length < PREAMBLE) {
            throw new MalformedMessageException("envelope truncated: " + (message == null ? 0 : message.length)
                    + " bytes, the preamble alone needs " + PREAMBLE);
        }
        ByteBuffer buf = ByteBuffer.wrap(message);
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new MalformedMessageException("not a package envelope: bad magic bytes");
        }
        int version = buf.get() & 0xff;
        if (version != VERSION) {
            throw new MalformedMessageException("unsupported envelope version " + version + " (this reader knows " + VERSION + ")");
        }
        int headerLength = buf.getInt();
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > buf.remaining()) {
            throw new MalformedMessageException("envelope header length " + Integer.toUnsignedString(headerLength)
                    + " is invalid or exceeds the " + buf.remaining() + " bytes left");
        }
        byte[] headerBytes = new byte[headerLength];
        buf.get(headerBytes);
        Header header = parseHeader(headerBytes);
        long declared = header.sizes.stream().mapToLong(Long::longValue).sum();
        if (declared != buf.remaining()) {
            throw new MalformedMessageException("envelope of package " + header.packageId + ": header declares "
                    + declared + " bytes of files but " + buf.remaining() + " follow"
                    + (declared > buf.remaining() ? " (truncated)" : " (trailing garbage)"));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < header.names.size(); i++) {
            byte[] content = new byte[Math.toIntExact(header.sizes.get(i))];
            buf.get(content);
            files.put(header.names.get(i), content);
        }
        return new WirePackage(header.packageId, header.unitId, files);
    }

    private record Header(String packageId, String unitId, List<String> names, List<Long> sizes) {
    }

    private static Header parseHeader(byte[] headerBytes) throws MalformedMessageException {
        JsonNode h;
        try {
            h = CanonicalJson.read(headerBytes);
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException("envelope header: " + e.getMessage(), e);
        }
        String packageId = headerText(h, "packageId");
        String unitId = headerText(h, "unitId");
        JsonNode files = h.get("files");
        if (files == null || !files.isArray() || files.size() > MAX_FILES) {
            throw new MalformedMessageException("envelope header of " + packageId + ": 'files' missing, not an array or over "
                    + MAX_FILES + " entries");
        }
        List<String> names = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (JsonNode f : files) {
            JsonNode name = f.get("name");
            JsonNode size = f.get("size");
            if (name == null || !name.isTextual() || !SafeNames.isSafe(name.asText())) {
                throw new MalformedMessageException("envelope header of " + packageId + ": file name '"
                        + SafeNames.printable(name == null ? null : name.asText()) + "' is missing or not a safe name");
            }
            if (names.contains(name.asText())) {
                throw new MalformedMessageException("envelope header of " + packageId + ": file " + name.asText() + " listed twice");
            }
            if (size == null || !size.canConvertToExactIntegral() || !size.canConvertToInt() || size.asInt() < 0) {
                throw new MalformedMessageException("envelope header of " + packageId + ": file " + name.asText()
                        + " has no valid size");
            }
            names.add(name.asText());
            sizes.add(size.asLong());
        }
        return new Header(packageId, unitId, names, sizes);
    }

    private static String headerText(JsonNode h, String field) throws MalformedMessageException {
        JsonNode v = h.isObject() ? h.get(field) : null;
        if (v == null || !v.isTextual() || !SafeNames.isSafe(v.asText())) {
            throw new MalformedMessageException("envelope header: '" + field + "' missing or not a safe name");
        }
        return v.asText();
    }
}
