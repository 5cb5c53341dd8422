package tw.enforce.sync.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox in the unit's SQLite file, shared by two processes: the runtime enqueues (inside its own
 * transaction, through the static {@link #enqueue(Connection, OutboxEntry)}) and the sync agent drains.
 * WAL lets the reader and the writer proceed together; {@code busy_timeout} makes a writer wait for
 * the other process's write instead of failing; transactions begin IMMEDIATE so a read never has to
 * be upgraded to a write (which SQLite can refuse outright in WAL mode).
 *
 * <p>State moves only forward: STORED → SENT (again, on resend) → ACKNOWLEDGED or REJECTED. An
 * ACKNOWLEDGED entry stays so whatever arrives later; a REJECTED one can still be acknowledged
 * (the center is the authority on what it stored). One instance is thread-safe (one connection,
 * serialised).
 */
public final class SqliteOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(SqliteOutbox.class);
    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Connection connection;
    private final Clock clock;

    /** Opens (creating if needed) the outbox in {@code dbFile} and applies its migrations. */
    public SqliteOutbox(Path dbFile, Clock clock) throws OutboxException {
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.connection = connect(dbFile);
        } catch (SQLException e) {
            throw new OutboxException("cannot open outbox database " + dbFile + ": " + e.getMessage(), e);
        }
        try {
            migrate(connection, clock);
        } catch (OutboxException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * A connection to the unit database set up as both processes need it: WAL, busy timeout, FULL
     * sync (a power cut must not lose a committed enqueue) and IMMEDIATE transactions. The runtime
     * should open its connections to the same file with this.
     */
    public static Connection connect(Path dbFile) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        return DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath(), config.toProperties());
    }

    /**
     * Creates or upgrades the outbox tables on {@code c}. On an auto-commit connection it runs in its
     * own transaction; inside the caller's transaction it joins it (and commits with it). Safe to call
     * from both processes at start: the second one finds the migrations applied.
     */
    public static void migrate(Connection c) throws OutboxException {
        migrate(c, Clock.systemUTC());
    }

    static void migrate(Connection c, Clock clock) throws OutboxException {
        try {
            boolean own = c.getAutoCommit();
            if (own) {
                c.setAutoCommit(false);
            }
            try {
                OutboxSchema.apply(c, clock.millis());
                if (own) {
                    c.commit();
                }
            } catch (SQLException e) {
                if (own) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new OutboxException("outbox migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * Enqueues within the caller's transaction (the runtime indexes its evidence and enqueues it
     * atomically): nothing is committed or rolled back here. The entry goes in as STORED with no
     * attempts, whatever its {@code state}/{@code attempts} say; {@code storedAt} is required.
     * Enqueueing the same package id again with the same folder is a no-op; with another folder it
     * throws. The outbox tables must exist ({@link #migrate}).
     *
     * @throws OutboxException on a database error; the caller should roll back
     */
    public static void enqueue(Connection tx, OutboxEntry e) throws OutboxException {
        Objects.requireNonNull(e.storedAt(), "storedAt");
        String dir = e.packageDir().toAbsolutePath().normalize().toString();
        try (PreparedStatement p = tx.prepareStatement("INSERT INTO outbox_entries "
                + "(package_id, unit_id, package_dir, priority, stored_at_ms, state, attempts) "
                + "VALUES (?, ?, ?, ?, ?, 'STORED', 0) ON CONFLICT (package_id) DO NOTHING")) {
            p.setString(1, Objects.requireNonNull(e.packageId(), "packageId"));
            p.setString(2, Objects.requireNonNull(e.unitId(), "unitId"));
            p.setString(3, dir);
            p.setInt(4, e.priority());
            p.setLong(5, e.storedAt().toEpochMilli());
            if (p.executeUpdate() == 0) {
                String existing = find(tx, e.packageId()).map(x -> x.packageDir().toString()).orElse("?");
                if (!existing.equals(dir)) {
                    throw new OutboxException("package " + e.packageId() + " is already in the outbox with folder "
                            + existing + ", not " + dir, null);
                }
            }
        } catch (SQLException ex) {
            throw new OutboxException("cannot enqueue package " + e.packageId() + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public synchronized void enqueue(OutboxEntry entry) throws OutboxException {
        OutboxEntry e = entry.storedAt() != null ? entry : new OutboxEntry(entry.packageId(), entry.unitId(),
                entry.packageDir(), entry.priority(), clock.instant(), OutboxState.STORED, 0);
        enqueue(connection, e);
        log.debug("enqueued {} of unit {}", e.packageId(), e.unitId());
    }

    @Override
    public synchronized List<OutboxEntry> due(int max, long resendAfterMillis) throws OutboxException {
        try (PreparedStatement p = connection.prepareStatement("SELECT * FROM outbox_entries "
                + "WHERE state = 'STORED' OR (state = 'SENT' AND last_sent_ms <= ?) "
                + "ORDER BY priority DESC, stored_at_ms ASC, package_id ASC LIMIT ?")) {
            p.setLong(1, clock.millis() - resendAfterMillis);
            p.setInt(2, max);
            List<OutboxEntry> due = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    due.add(entry(rs));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new OutboxException("cannot list due outbox entries: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void markSent(String packageId) throws OutboxException {
        int n = update("UPDATE outbox_entries SET state = 'SENT', attempts = attempts + 1, last_sent_ms = ? "
                + "WHERE package_id = ? AND state IN ('STORED', 'SENT')", packageId, clock.millis(), null);
        if (n == 0) {
            log.debug("markSent {}: unknown or already settled, left as is", packageId);
        }
    }

    @Override
    public synchronized boolean markAcknowledged(String packageId) throws OutboxException {
        update("UPDATE outbox_entries SET state = 'ACKNOWLEDGED', settled_ms = ? "
                + "WHERE package_id = ? AND state <> 'ACKNOWLEDGED'", packageId, clock.millis(), null);
        return find(packageId).isPresent();
    }

    @Override
    public synchronized boolean markRejected(String packageId, String reason) throws OutboxException {
        update("UPDATE outbox_entries SET state = 'REJECTED', settled_ms = ?, reject_reason = ? "
                + "WHERE package_id = ? AND state IN ('STORED', 'SENT')", packageId, clock.millis(), reason);
        return find(packageId).isPresent();
    }

    @Override
    public synchronized Map<OutboxState, Long> countByState() throws OutboxException {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            counts.put(s, 0L);
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM outbox_entries GROUP BY state")) {
            while (rs.next()) {
                counts.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new OutboxException("cannot count outbox entries: " + e.getMessage(), e);
        }
    }

    public synchronized Optional<OutboxEntry> find(String packageId) throws OutboxException {
        try {
            return find(connection, packageId);
        } catch (SQLException e) {
            throw new OutboxException("cannot read outbox entry " + packageId + ": " + e.getMessage(), e);
        }
    }

    /** Why the center refused the package, when it did. */
    public synchronized Optional<String> rejectReason(String packageId) throws OutboxException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT reject_reason FROM outbox_entries WHERE package_id = ?")) {
            p.setString(1, packageId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot read outbox entry " + packageId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private int update(String sql, String packageId, long now, String reason) throws OutboxException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            int i = 1;
            p.setLong(i++, now);
            if (reason != null) {
                p.setString(i++, reason);
            }
            p.setString(i, packageId);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("cannot update outbox entry " + packageId + ": " + e.getMessage(), e);
        }
    }

    private static Optional<OutboxEntry> find(Connection c, String packageId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM outbox_entries WHERE package_id = ?")) {
            p.setString(1, packageId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getString("package_id"), rs.getString("unit_id"), Path.of(rs.getString("package_dir")),
                rs.getInt("priority"), Instant.ofEpochMilli(rs.getLong("stored_at_ms")),
                OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"));
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing outbox database: {}", e.getMessage());
        }
    }
}
