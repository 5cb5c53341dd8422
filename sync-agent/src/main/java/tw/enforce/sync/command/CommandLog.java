package tw.enforce.sync.command;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.sqlite.SQLiteConfig;

/**
 * The unit's memory of command ids it has taken, in SQLite so a restart does not reopen the replay
 * window. An id is remembered until its command expires; a replay after that is refused as expired.
 */
public final class CommandLog implements AutoCloseable {
    private final Connection db;

    public CommandLog(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS sync_command_log (command_id TEXT PRIMARY KEY, "
                    + "seen_at_ms INTEGER NOT NULL, expires_at_ms INTEGER NOT NULL)");
        }
    }

    /** True the first time an id is offered; false for a replay. Forgets ids expired before {@code now}. */
    public synchronized boolean firstSeen(String commandId, Instant expiresAt, Instant now) throws SQLException {
        try (PreparedStatement prune = db.prepareStatement("DELETE FROM sync_command_log WHERE expires_at_ms < ?")) {
            prune.setLong(1, now.toEpochMilli());
            prune.executeUpdate();
        }
        try (PreparedStatement p = db.prepareStatement(
                "INSERT OR IGNORE INTO sync_command_log (command_id, seen_at_ms, expires_at_ms) VALUES (?, ?, ?)")) {
            p.setString(1, commandId);
            p.setLong(2, now.toEpochMilli());
            p.setLong(3, expiresAt.toEpochMilli());
            return p.executeUpdate() == 1;
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
