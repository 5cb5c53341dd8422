package tw.enforce.sync.center;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.sync.protocol.Chunk;
import tw.enforce.sync.protocol.MalformedMessageException;
import tw.enforce.sync.protocol.PackageFiles;

/**
 * Collects the chunks of large packages on disk, {@code spool/<unit>/<packageId>-<sha256>/<index>.part},
 * so pieces survive a receiver restart and receivers sharing the store folder (one share group) can
 * each take some of a package's pieces. When every piece is there the envelope is put together,
 * checked against the transfer's SHA-256 and handed back once; the spool folder is then removed,
 * so a full resend after that is assembled again and de-duplicated by the store.
 */
final class ChunkAssembler {
    private static final Logger log = LoggerFactory.getLogger(ChunkAssembler.class);
    private final Path spool;

    ChunkAssembler(Path spool) throws IOException {
        this.spool = Files.createDirectories(spool);
    }

    /**
     * Keeps the piece; returns the whole envelope when this was the last one missing.
     *
     * @throws MalformedMessageException when the pieces put together do not match the transfer's hash
     *     (the pieces are dropped, so a resend starts clean)
     */
    synchronized Optional<byte[]> accept(Chunk c) throws IOException, MalformedMessageException {
        Path dir = Files.createDirectories(spool.resolve(c.unitId()).resolve(c.packageId() + "-" + c.sha256()));
        Path part = dir.resolve(c.index() + ".part");
        if (!Files.exists(part)) {
            Path tmp = dir.resolve(c.index() + ".tmp");
            Files.write(tmp, c.data());
            try {
                Files.move(tmp, part, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, part, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        long have;
        try (Stream<Path> parts = Files.list(dir)) {
            have = parts.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
        if (have < c.count()) {
            log.debug("package {} of unit {}: {} of {} chunks", c.packageId(), c.unitId(), have, c.count());
            return Optional.empty();
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream((int) c.totalBytes());
        for (int i = 0; i < c.count(); i++) {
            Path p = dir.resolve(i + ".part");
            if (!Files.exists(p)) {
                return Optional.empty(); // another receiver is assembling it right now
            }
            whole.write(Files.readAllBytes(p));
        }
        DurableFiles.deleteTree(dir);
        byte[] envelope = whole.toByteArray();
        if (envelope.length != c.totalBytes() || !PackageFiles.sha256Hex(envelope).equals(c.sha256())) {
            throw new MalformedMessageException("chunks of package " + c.packageId() + " put together give "
                    + envelope.length + " bytes that do not match the transfer's " + c.totalBytes() + " bytes and SHA-256");
        }
        log.info("package {} of unit {} assembled from {} chunks", c.packageId(), c.unitId(), c.count());
        return Optional.of(envelope);
    }
}
