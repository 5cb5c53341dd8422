package tw.enforce.sync.section;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The section index in the center's database (its own tables, its own connection): which accepted
 * packages were looked at, the passages among them keyed by section and plate, and the cases made.
 * Everything here can be rebuilt from the stored packages; the packages stay the evidence.
 */
final class SectionLedger implements AutoCloseable {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS section_scanned (package_id TEXT PRIMARY KEY, passage INTEGER NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS section_passages (
              package_id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, section_id TEXT NOT NULL, role TEXT NOT NULL,
              plate_key TEXT, passed_at_ms INTEGER NOT NULL, folder TEXT NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS section_passages_plate ON section_passages (section_id, plate_key)",
            """
            CREATE TABLE IF NOT EXISTS section_cases (
              case_id TEXT PRIMARY KEY, section_id TEXT NOT NULL, plate_key TEXT, status TEXT NOT NULL,
              entry_package TEXT, exit_package TEXT NOT NULL, speed_kmh REAL, event_at_ms INTEGER NOT NULL,
              enforceable INTEGER NOT NULL, decided_at_ms INTEGER NOT NULL, file TEXT NOT NULL, void_reason TEXT)""");

    private final Connection db;

    SectionLedger(Path centerDb) throws IOException {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            db = DriverManager.getConnection("jdbc:sqlite:" + centerDb.toAbsolutePath(), config.toProperties());
            try (Statement s = db.createStatement()) {
                for (String sql : SCHEMA) {
                    s.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot open the section index in " + centerDb + ": " + e.getMessage(), e);
        }
    }

    record PassageRow(String packageId, String folder) {
    }

    synchronized boolean scanned(String packageId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT 1 FROM section_scanned WHERE package_id = ?")) {
            p.setString(1, packageId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    synchronized void markScanned(String packageId, boolean passage) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT OR IGNORE INTO section_scanned (package_id, passage) VALUES (?, ?)")) {
            p.setString(1, packageId);
            p.setInt(2, passage ? 1 : 0);
            p.executeUpdate();
        }
    }

    synchronized void addPassage(PassageManifest m, String plateKey, String folder) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO section_passages "
                + "(package_id, unit_id, section_id, role, plate_key, passed_at_ms, folder) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, m.packageId());
            p.setString(2, m.unitId());
            p.setString(3, m.section().sectionId());
            p.setString(4, m.section().role());
            p.setString(5, plateKey);
            p.setLong(6, m.passage().passedAt().toEpochMilli());
            p.setString(7, folder);
            p.executeUpdate();
        }
    }

    synchronized List<PassageRow> passagesOf(String sectionId, String plateKey) throws SQLException {
        List<PassageRow> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT package_id, folder FROM section_passages WHERE section_id = ? AND plate_key = ?")) {
            p.setString(1, sectionId);
            p.setString(2, plateKey);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new PassageRow(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    synchronized long passageCount(boolean identified) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM section_passages WHERE "
                + (identified ? "plate_key IS NOT NULL" : "plate_key IS NULL"))) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    synchronized List<SectionCase> cases(String sectionId, String plateKey) throws SQLException {
        return select("WHERE section_id = ? AND plate_key = ? AND void_reason IS NULL", sectionId, plateKey);
    }

    synchronized List<SectionCase> allCases() throws SQLException {
        return select("ORDER BY event_at_ms, case_id");
    }

    synchronized void addCase(SectionDecisionRecord r, Instant decidedAt, String file) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO section_cases (case_id, section_id, "
                + "plate_key, status, entry_package, exit_package, speed_kmh, event_at_ms, enforceable, decided_at_ms, file) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, r.caseId());
            p.setString(2, r.sectionId());
            p.setString(3, r.plate());
            p.setString(4, r.status());
            p.setString(5, r.entry() == null ? null : r.entry().packageId());
            p.setString(6, r.exit().packageId());
            if (r.decision() == null || Double.isNaN(r.decision().speedKmh())) {
                p.setNull(7, java.sql.Types.REAL);
            } else {
                p.setDouble(7, r.decision().speedKmh());
            }
            p.setLong(8, r.exit().passedAt().toEpochMilli());
            p.setInt(9, r.decision() != null && r.decision().enforceable() ? 1 : 0);
            p.setLong(10, decidedAt.toEpochMilli());
            p.setString(11, file);
            p.executeUpdate();
        }
    }

    synchronized void voidCase(String caseId, String reason) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "UPDATE section_cases SET void_reason = ? WHERE case_id = ? AND void_reason IS NULL")) {
            p.setString(1, reason);
            p.setString(2, caseId);
            p.executeUpdate();
        }
    }

    private List<SectionCase> select(String where, String... args) throws SQLException {
        List<SectionCase> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT case_id, section_id, plate_key, status, entry_package, "
                + "exit_package, speed_kmh, event_at_ms, enforceable, decided_at_ms, file, void_reason FROM section_cases "
                + where)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    double speed = rs.getDouble(7);
                    boolean noSpeed = rs.wasNull();
                    out.add(new SectionCase(rs.getString(1), rs.getString(2), rs.getString(3),
                            SectionDecisionRecord.Status.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            noSpeed ? Double.NaN : speed, Instant.ofEpochMilli(rs.getLong(8)), rs.getInt(9) == 1,
                            Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11), rs.getString(12)));
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing: nothing left to protect
        }
    }
}
