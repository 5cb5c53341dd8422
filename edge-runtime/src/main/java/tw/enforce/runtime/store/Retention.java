package tw.enforce.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.sync.outbox.OutboxEntry;
import tw.enforce.sync.outbox.OutboxException;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.outbox.SqliteOutbox;
import tw.enforce.sync.protocol.PackageFiles;

/**
 * Frees disk under quota pressure by deleting the media of packages the center has acknowledged,
 * oldest first (chain order). The signed manifest and signature stay, so the case remains on record.
 * Anything not acknowledged (stored, sent, rejected) is never touched. Each deleted file is written
 * to the audit table before it is deleted: a crash in between leaves an audit line for a file that
 * still exists (pruned again later), never a deletion without a record.
 */
final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private final Connection db;
    private final SqliteOutbox outbox;
    private final StoreJournal journal;
    private final Clock clock;

    Retention(Connection db, SqliteOutbox outbox, StoreJournal journal, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.journal = journal;
        this.clock = clock;
    }

    /** Prunes until at least {@code needed} bytes are freed or nothing prunable is left; returns the bytes freed. */
    long prune(long needed, String reason) throws SQLException, IOException, OutboxException {
        long freed = 0;
        for (String[] candidate : unpruned()) {
            if (freed >= needed) {
                break;
            }
            Optional<OutboxEntry> e = outbox.find(candidate[0]);
            if (e.isEmpty() || e.get().state() != OutboxState.ACKNOWLEDGED) {
                continue;
            }
            freed += pruneMedia(candidate[0], Path.of(candidate[1]), reason);
        }
        return freed;
    }

    private long pruneMedia(String packageId, Path dir, String reason) throws SQLException, IOException {
        List<Path> media = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                files.filter(f -> !PackageFiles.isReserved(f.getFileName().toString())).sorted().forEach(media::add);
            }
        }
        long bytes = 0;
        db.setAutoCommit(false);
        try {
            for (Path f : media) {
                long size = Files.size(f);
                journal.audit(packageId, f.getFileName().toString(), size, PackageFiles.sha256Hex(Files.readAllBytes(f)),
                        "DELETE_MEDIA", reason);
                bytes += size;
            }
            db.commit();
        } catch (SQLException | IOException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        for (Path f : media) {
            Files.deleteIfExists(f);
        }
        try (PreparedStatement ps = db.prepareStatement("UPDATE evidence SET media_pruned_at = ? WHERE package_id = ?")) {
            ps.setLong(1, clock.millis());
            ps.setString(2, packageId);
            ps.executeUpdate();
        }
        log.info("pruned media of acknowledged package {} ({} files, {} bytes): {}", packageId, media.size(), bytes, reason);
        return bytes;
    }

    private List<String[]> unpruned() throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT package_id, dir FROM evidence WHERE media_pruned_at IS NULL ORDER BY sequence");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }
}
