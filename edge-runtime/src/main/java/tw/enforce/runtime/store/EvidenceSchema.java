package tw.enforce.runtime.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Versioned migrations of the evidence index, applied in order at start-up. */
final class EvidenceSchema {
    private static final String[] MIGRATIONS = {
        """
        CREATE TABLE evidence (
          package_id TEXT PRIMARY KEY,
          sequence INTEGER NOT NULL UNIQUE,
          manifest_sha256 TEXT NOT NULL,
          dir TEXT NOT NULL,
          created_at INTEGER NOT NULL)
        """,
        """
        ALTER TABLE evidence ADD COLUMN media_pruned_at INTEGER;
        CREATE TABLE evidence_audit (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at_ms INTEGER NOT NULL,
          package_id TEXT NOT NULL,
          file TEXT NOT NULL,
          bytes INTEGER NOT NULL,
          sha256 TEXT,
          action TEXT NOT NULL,
          reason TEXT NOT NULL);
        CREATE TABLE evidence_alarms (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at_ms INTEGER NOT NULL,
          code TEXT NOT NULL,
          detail TEXT NOT NULL);
        CREATE TABLE evidence_unstored (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at_ms INTEGER NOT NULL,
          package_id TEXT NOT NULL,
          sequence INTEGER NOT NULL,
          manifest_json BLOB NOT NULL,
          signature BLOB NOT NULL,
          reason TEXT NOT NULL)
        """,
    };

    private EvidenceSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS evidence_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            int current = 0;
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM evidence_migrations")) {
                if (rs.next()) {
                    current = rs.getInt(1);
                }
            }
            for (int v = current + 1; v <= MIGRATIONS.length; v++) {
                c.setAutoCommit(false);
                try {
                    for (String sql : MIGRATIONS[v - 1].split(";")) {
                        if (!sql.isBlank()) {
                            st.execute(sql);
                        }
                    }
                    st.execute("INSERT INTO evidence_migrations(version, applied_at) VALUES (" + v + ", datetime('now'))");
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("evidence schema migration " + v + " failed: " + e.getMessage(), e);
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
    }
}
