package tw.enforce.runtime.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the unit's evidence index for tools (edgectl) that run beside the live
 * runtime: it never migrates, recovers or writes, so it cannot race the runtime's own store.
 */
public final class EvidenceIndex {
    private EvidenceIndex() {
    }

    /** One indexed package with its outbox state (null when not queued) and whether its media were pruned. */
    public record Row(String packageId, long sequence, String manifestSha256, Path dir, long createdAtMillis,
                      String outboxState, boolean mediaPruned) {
    }

    public static List<Row> read(Path dbFile) throws StoreException {
        if (!Files.isRegularFile(dbFile)) {
            throw new StoreException("no unit database at " + dbFile, null);
        }
        org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(10_000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath(), cfg.toProperties());
             PreparedStatement ps = c.prepareStatement("SELECT e.package_id, e.sequence, e.manifest_sha256, e.dir, "
                     + "e.created_at, o.state, e.media_pruned_at IS NOT NULL FROM evidence e "
                     + "LEFT JOIN outbox_entries o ON o.package_id = e.package_id ORDER BY e.sequence");
             ResultSet rs = ps.executeQuery()) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), Path.of(rs.getString(4)), rs.getLong(5),
                        rs.getString(6), rs.getBoolean(7)));
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read the evidence index in " + dbFile + ": " + e.getMessage(), e);
        }
    }

    public static Optional<Row> find(Path dbFile, String packageId) throws StoreException {
        return read(dbFile).stream().filter(r -> r.packageId().equals(packageId)).findFirst();
    }
}
