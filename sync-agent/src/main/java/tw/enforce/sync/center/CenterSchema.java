package tw.enforce.sync.center;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Versioned migrations of center.db, recorded in center_schema_migrations; only ever appended. */
final class CenterSchema {
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE center_packages (
              package_id     TEXT PRIMARY KEY,
              unit_id        TEXT NOT NULL,
              sequence       INTEGER NOT NULL,
              received_at_ms INTEGER NOT NULL,
              folder         TEXT NOT NULL
            )""",
            """
            CREATE TABLE center_rejections (
              id             INTEGER PRIMARY KEY AUTOINCREMENT,
              package_id     TEXT,
              unit_id        TEXT,
              sequence       INTEGER,
              received_at_ms INTEGER NOT NULL,
              reasons        TEXT NOT NULL,
              folder         TEXT NOT NULL
            )""",
            "CREATE INDEX center_packages_unit ON center_packages (unit_id, sequence)"),
            // chain continuity: each package's own manifest hash and the one it says came before
            List.of("ALTER TABLE center_packages ADD COLUMN manifest_sha256 TEXT",
                    "ALTER TABLE center_packages ADD COLUMN previous_manifest_sha256 TEXT"));

    private CenterSchema() {
    }

    static void apply(Connection c, long nowMillis) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS center_schema_migrations ("
                    + "version INTEGER PRIMARY KEY, applied_at_ms INTEGER NOT NULL)");
            int current;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM center_schema_migrations")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                for (String sql : MIGRATIONS.get(v - 1)) {
                    s.execute(sql);
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO center_schema_migrations (version, applied_at_ms) VALUES (?, ?)")) {
                    p.setInt(1, v);
                    p.setLong(2, nowMillis);
                    p.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
