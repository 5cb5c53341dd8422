package tw.enforce.sync.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The evidence package folder contract (written by the runtime, read here): a flat folder with
 * {@value #MANIFEST} (canonical JSON with at least packageId, unitId, sequence and
 * files = [{name, sha256 (lowercase hex), size}]), {@value #SIGNATURE} (base64 of the Ed25519
 * signature over the exact bytes of manifest.json) and every file the manifest lists. All names
 * are {@link SafeNames safe names}; the manifest does not list itself or its signature.
 */
public final class PackageFiles {
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";

    private PackageFiles() {
    }

    public static boolean isReserved(String name) {
        return MANIFEST.equals(name) || SIGNATURE.equals(name);
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
