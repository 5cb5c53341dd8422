package tw.enforce.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import tw.enforce.sync.outbox.SqliteOutbox;

/**
 * Opens the unit database only if it is sound. A file that is not a database, or fails
 * {@code PRAGMA integrity_check}, is moved aside with its -wal and -shm (never overwritten or
 * deleted) and a fresh database is started; the caller raises the alarm and re-indexes the folders.
 */
final class DatabaseGuard {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private DatabaseGuard() {
    }

    record Opened(Connection connection, Optional<String> movedAside) {
    }

    static Opened open(Path dbFile, Clock clock) throws SQLException, IOException {
        if (Files.exists(dbFile) && Files.size(dbFile) > 0) {
            Optional<String> fault = check(dbFile);
            if (fault.isPresent()) {
                Path aside = dbFile.resolveSibling(dbFile.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Path f = dbFile.resolveSibling(dbFile.getFileName() + suffix);
                    if (Files.exists(f)) {
                        Files.move(f, aside.resolveSibling(aside.getFileName() + suffix));
                    }
                }
                return new Opened(SqliteOutbox.connect(dbFile),
                        Optional.of("database " + dbFile + " " + fault.get() + "; moved aside to " + aside
                                + " and a fresh store started"));
            }
        }
        return new Opened(SqliteOutbox.connect(dbFile), Optional.empty());
    }

    private static Optional<String> check(Path dbFile) {
        try (Connection c = SqliteOutbox.connect(dbFile); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            StringBuilder result = new StringBuilder();
            while (rs.next()) {
                result.append(result.length() == 0 ? "" : "; ").append(rs.getString(1));
            }
            return "ok".contentEquals(result) ? Optional.empty()
                    : Optional.of("failed integrity_check: " + truncate(result.toString()));
        } catch (SQLException e) {
            return Optional.of("cannot be opened as a database: " + truncate(e.getMessage()));
        }
    }

    static String integrityCheck(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no result";
        }
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
