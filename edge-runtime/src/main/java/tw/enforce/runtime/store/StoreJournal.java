package tw.enforce.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's own records in the unit database: alarms (also logged at ERROR, one line each),
 * the audit of every deletion, and the metadata of packages that could not be stored. Writing
 * a record never throws: on a full disk the log line is all that may remain, and it says so.
 */
final class StoreJournal {
    private static final Logger log = LoggerFactory.getLogger(StoreJournal.class);
    private final Connection db;
    private final Clock clock;

    StoreJournal(Connection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void alarm(String code, String detail) {
        log.error("ALARM {}: {}", code, detail);
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO evidence_alarms(at_ms, code, detail) VALUES (?,?,?)")) {
            ps.setLong(1, clock.millis());
            ps.setString(2, code);
            ps.setString(3, detail);
            ps.executeUpdate();
        } catch (SQLException e) {
            log.error("alarm {} could not be recorded in the database: {}", code, e.getMessage());
        }
    }

    void audit(String packageId, String file, long bytes, String sha256, String action, String reason) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO evidence_audit(at_ms, package_id, file, bytes, sha256, action, reason) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, clock.millis());
            ps.setString(2, packageId);
            ps.setString(3, file);
            ps.setLong(4, bytes);
            ps.setString(5, sha256);
            ps.setString(6, action);
            ps.setString(7, reason);
            ps.executeUpdate();
        }
    }

    void keepUnstored(String packageId, long sequence, byte[] manifest, byte[] signature, String reason) {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO evidence_unstored"
                + "(at_ms, package_id, sequence, manifest_json, signature, reason) VALUES (?,?,?,?,?,?)")) {
            ps.setLong(1, clock.millis());
            ps.setString(2, packageId);
            ps.setLong(3, sequence);
            ps.setBytes(4, manifest);
            ps.setBytes(5, signature);
            ps.setString(6, reason);
            ps.executeUpdate();
        } catch (SQLException e) {
            log.error("metadata of unstored package {} could not be kept either: {}", packageId, e.getMessage());
        }
    }

    List<StoreAlarm> alarms() throws SQLException {
        List<StoreAlarm> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT at_ms, code, detail FROM evidence_alarms ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoreAlarm(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    List<AuditEntry> auditTrail() throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT at_ms, package_id, file, bytes, sha256, action, reason FROM evidence_audit ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)));
            }
        }
        return out;
    }

    long unstoredCount() throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM evidence_unstored");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
