package tw.enforce.sync.center;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.SafeNames;

/**
 * Public keys of the registered units: {@code <unitId>.pub} (X.509 PEM) files in a folder, loaded at
 * start and looked up again on a miss (a unit registered while the center runs needs no restart),
 * plus keys registered in code.
 */
public final class UnitKeyRegistry {
    private static final Logger log = LoggerFactory.getLogger(UnitKeyRegistry.class);
    private static final String SUFFIX = ".pub";

    private final Path folder;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    /** An empty registry that only knows what is {@link #register registered}. */
    public UnitKeyRegistry() {
        this.folder = null;
    }

    private UnitKeyRegistry(Path folder) {
        this.folder = folder;
    }

    /** Loads every {@code <unitId>.pub} in {@code folder}; an unreadable key file fails the load naming it. */
    public static UnitKeyRegistry fromFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("unit key folder " + folder + " does not exist");
        }
        UnitKeyRegistry registry = new UnitKeyRegistry(folder);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                String unitId = unitIdOf(f);
                if (!SafeNames.isSafe(unitId)) {
                    log.warn("ignoring key file {}: '{}' is not a valid unit id", f, unitId);
                    continue;
                }
                registry.register(unitId, Ed25519Keys.readPublicKey(f));
            }
        }
        log.info("loaded {} unit keys from {}", registry.keys.size(), folder);
        return registry;
    }

    public void register(String unitId, PublicKey key) {
        keys.put(SafeNames.require("unit id", unitId), key);
        log.debug("registered unit {} with key {}", unitId, Ed25519Keys.fingerprint(key));
    }

    public Optional<PublicKey> find(String unitId) {
        PublicKey key = keys.get(unitId);
        if (key != null || folder == null || !SafeNames.isSafe(unitId)) {
            return Optional.ofNullable(key);
        }
        Path file = folder.resolve(unitId + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            PublicKey loaded = Ed25519Keys.readPublicKey(file);
            register(unitId, loaded);
            return Optional.of(loaded);
        } catch (IOException e) {
            log.warn("cannot read key of unit {}: {}", unitId, e.getMessage());
            return Optional.empty();
        }
    }

    private static String unitIdOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }
}
