package tw.enforce.sync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.MalformedMessageException;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageFiles;

/** Writes evidence package folders the way the runtime will: files, canonical manifest, Ed25519 signature. */
public final class TestPackages {
    private TestPackages() {
    }

    /**
     * A package with two small JPEG-looking scene images, signed with {@code key}, chained to the
     * package of the same unit with the previous sequence in {@code root} if there is one.
     */
    public static Path write(Path root, String unitId, String packageId, long sequence, PrivateKey key) throws IOException {
        return write(root, unitId, packageId, sequence, previousIn(root, unitId, sequence), key, scenes(packageId, sequence));
    }

    public static Map<String, byte[]> scenes(String packageId, long sequence) {
        Random random = new Random(sequence * 31 + packageId.hashCode());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("scene-1.jpg", jpegLike(random, 3000));
        files.put("scene-2.jpg", jpegLike(random, 5000));
        return files;
    }

    public static Path write(Path root, String unitId, String packageId, long sequence, PrivateKey key,
                             Map<String, byte[]> files) throws IOException {
        return write(root, unitId, packageId, sequence, previousIn(root, unitId, sequence), key, files);
    }

    /** The genesis hash for sequence 1, else the manifest hash of the unit's sequence-1 package in root (or a stranger's). */
    public static String previousIn(Path root, String unitId, long sequence) throws IOException {
        if (sequence == 1) {
            return ManifestSummary.GENESIS;
        }
        if (Files.isDirectory(root)) {
            try (var dirs = Files.list(root)) {
                for (Path d : dirs.toList()) {
                    Path m = d.resolve(PackageFiles.MANIFEST);
                    if (Files.isRegularFile(m)) {
                        byte[] bytes = Files.readAllBytes(m);
                        try {
                            ManifestSummary s = ManifestSummary.parse(bytes);
                            if (s.unitId().equals(unitId) && s.sequence() == sequence - 1) {
                                return PackageFiles.sha256Hex(bytes);
                            }
                        } catch (MalformedMessageException e) {
                            // a test's broken package: not a link
                        }
                    }
                }
            }
        }
        return PackageFiles.sha256Hex(("unknown predecessor of " + sequence).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes and signs a package naming {@code previousManifestSha256} as its chain link. */
    public static Path write(Path root, String unitId, String packageId, long sequence, String previousManifestSha256,
                             PrivateKey key, Map<String, byte[]> files) throws IOException {
        Path dir = Files.createDirectories(root.resolve(packageId));
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("size", f.getValue().length);
            entry.put("sha256", PackageFiles.sha256Hex(f.getValue()));
            entry.put("name", f.getKey());
            listed.add(entry);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("unitId", unitId);
        manifest.put("sequence", sequence);
        manifest.put("previousManifestSha256", previousManifestSha256);
        manifest.put("packageId", packageId);
        manifest.put("rule", "red-light");
        manifest.put("lane", "L" + (sequence % 2 + 1));
        manifest.put("createdAt", java.time.Instant.parse("2026-03-01T08:00:00Z").plusSeconds(60 * sequence).toString());
        manifest.put("files", listed);
        byte[] manifestBytes = CanonicalJson.write(manifest);
        Files.write(dir.resolve(PackageFiles.MANIFEST), manifestBytes);
        resign(dir, key);
        return dir;
    }

    /** Signs the folder's current manifest.json again (after a test edited it on purpose). */
    public static void resign(Path dir, PrivateKey key) throws IOException {
        byte[] manifestBytes = Files.readAllBytes(dir.resolve(PackageFiles.MANIFEST));
        String sig = Base64.getEncoder().encodeToString(Ed25519Keys.sign(key, manifestBytes));
        Files.writeString(dir.resolve(PackageFiles.SIGNATURE), sig + "\n", StandardCharsets.US_ASCII);
    }

    private static byte[] jpegLike(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[size - 2] = (byte) 0xFF;
        b[size - 1] = (byte) 0xD9;
        return b;
    }
}
