package tw.enforce.sync.protocol;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One evidence package as carried on the wire: its ids and every file of its folder (manifest and
 * signature included), by name. The ids come from the envelope header and are only claims until
 * {@link PackageVerifier} has compared them with the signed manifest.
 */
public record WirePackage(String packageId, String unitId, Map<String, byte[]> files) {

    public WirePackage {
        SafeNames.require("package id", packageId);
        SafeNames.require("unit id", unitId);
        TreeMap<String, byte[]> sorted = new TreeMap<>();
        files.forEach((name, bytes) -> {
            SafeNames.require("file name", name);
            if (bytes == null) {
                throw new IllegalArgumentException("file " + name + " has no content");
            }
            sorted.put(name, bytes);
        });
        files = Collections.unmodifiableMap(sorted);
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }
}
