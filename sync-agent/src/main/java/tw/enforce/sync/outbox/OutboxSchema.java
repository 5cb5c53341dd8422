package tw.enforce.sync.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned migrations of the outbox tables, recorded in {@code outbox_schema_migrations}. The file
 * is shared with the runtime's own tables, so everything here is named {@code outbox*} and the
 * version table is the outbox's own. A migration is only ever appended, never edited.
 */
final class OutboxSchema {
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                """
                CREATE TABLE outbox_entries (
                  package_id   TEXT PRIMARY KEY,
                  unit_id      TEXT NOT NULL,
                  package_dir  TEXT NOT NULL,
                  priority     INTEGER NOT NULL,
                  stored_at_ms INTEGER NOT NULL,
                  state        TEXT NOT NULL CHECK (state IN ('STORED','SENT','ACKNOWLEDGED','REJECTED')),
                  attempts     INTEGER NOT NULL DEFAULT 0,
                  last_sent_ms INTEGER,
                  settled_ms   INTEGER,
                  reject_reason TEXT
                )""",
                "CREATE INDEX outbox_entries_due ON outbox_entries (state, priority DESC, stored_at_ms)"));

    private OutboxSchema() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Applies the missing migrations on {@code c} in its current transaction mode (see {@link SqliteOutbox#migrate}). */
    static void apply(Connection c, long nowMillis) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS outbox_schema_migrations ("
                    + "version INTEGER PRIMARY KEY, applied_at_ms INTEGER NOT NULL)");
        }
        int current = currentVersion(c);
        for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO outbox_schema_migrations (version, applied_at_ms) VALUES (?, ?)")) {
                p.setInt(1, v);
                p.setLong(2, nowMillis);
                p.executeUpdate();
            }
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM outbox_schema_migrations")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
