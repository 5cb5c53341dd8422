package tw.enforce.sync.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.testing.FakeClock;

class SqliteOutboxTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path tmp;
    Path dbFile;
    FakeClock clock;
    SqliteOutbox outbox;

    @BeforeEach
    void open() throws Exception {
        dbFile = tmp.resolve("unit.db");
        clock = new FakeClock(T0);
        outbox = new SqliteOutbox(dbFile, clock);
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    private OutboxEntry entry(String id, int priority, Instant storedAt) {
        return new OutboxEntry(id, "U1", tmp.resolve("pkg").resolve(id), priority, storedAt, OutboxState.STORED, 0);
    }

    private List<String> dueIds(long resendAfterMillis) throws OutboxException {
        List<String> ids = new ArrayList<>();
        outbox.due(100, resendAfterMillis).forEach(e -> ids.add(e.packageId()));
        return ids;
    }

    @Test
    void dueGivesHighestPriorityFirstThenOldest() throws Exception {
        outbox.enqueue(entry("late-low", 0, T0.plusSeconds(30)));
        outbox.enqueue(entry("early-low", 0, T0.plusSeconds(10)));
        outbox.enqueue(entry("late-high", 5, T0.plusSeconds(40)));
        outbox.enqueue(entry("early-high", 5, T0.plusSeconds(20)));

        assertEquals(List.of("early-high", "late-high", "early-low", "late-low"), dueIds(60_000));
        assertEquals(2, outbox.due(2, 60_000).size());
    }

    @Test
    void sentEntryIsDueAgainOnlyAfterResendInterval() throws Exception {
        outbox.enqueue(entry("p1", 0, T0));
        outbox.markSent("p1");

        clock.advance(Duration.ofSeconds(59));
        assertEquals(List.of(), dueIds(60_000));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("p1"), dueIds(60_000));
    }

    @Test
    void everySendCountsAnAttempt() throws Exception {
        outbox.enqueue(entry("p1", 0, T0));
        outbox.markSent("p1");
        outbox.markSent("p1");

        OutboxEntry e = outbox.find("p1").orElseThrow();
        assertEquals(OutboxState.SENT, e.state());
        assertEquals(2, e.attempts());
    }

    @Test
    void acknowledgedNeverMovesBackwards() throws Exception {
        outbox.enqueue(entry("p1", 0, T0));
        outbox.markSent("p1");
        assertTrue(outbox.markAcknowledged("p1"));

        outbox.markSent("p1");
        assertTrue(outbox.markRejected("p1", "late reject"));
        assertTrue(outbox.markAcknowledged("p1"));

        OutboxEntry e = outbox.find("p1").orElseThrow();
        assertEquals(OutboxState.ACKNOWLEDGED, e.state());
        assertEquals(1, e.attempts());
        assertEquals(List.of(), dueIds(0));
    }

    @Test
    void rejectedIsNeverDueAndKeepsTheReason() throws Exception {
        outbox.enqueue(entry("p1", 0, T0));
        outbox.markSent("p1");
        outbox.markRejected("p1", "scene-1.jpg: hash mismatch");

        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), dueIds(0));
        assertEquals(OutboxState.REJECTED, outbox.find("p1").orElseThrow().state());
        assertEquals("scene-1.jpg: hash mismatch", outbox.rejectReason("p1").orElseThrow());
    }

    @Test
    void ackForUnknownPackageReportsFalse() throws Exception {
        assertFalse(outbox.markAcknowledged("nope"));
        assertFalse(outbox.markRejected("nope", "x"));
    }

    @Test
    void countsEveryStateIncludingEmptyOnes() throws Exception {
        outbox.enqueue(entry("a", 0, T0));
        outbox.enqueue(entry("b", 0, T0));
        outbox.markSent("b");

        var counts = outbox.countByState();
        assertEquals(1L, counts.get(OutboxState.STORED));
        assertEquals(1L, counts.get(OutboxState.SENT));
        assertEquals(0L, counts.get(OutboxState.ACKNOWLEDGED));
        assertEquals(0L, counts.get(OutboxState.REJECTED));
    }

    @Test
    void entriesAndStatesSurviveReopening() throws Exception {
        outbox.enqueue(entry("a", 1, T0));
        outbox.enqueue(entry("b", 0, T0));
        outbox.markSent("a");
        outbox.markAcknowledged("b");
        outbox.close();

        outbox = new SqliteOutbox(dbFile, clock);
        OutboxEntry a = outbox.find("a").orElseThrow();
        assertEquals(OutboxState.SENT, a.state());
        assertEquals(1, a.attempts());
        assertEquals(1, a.priority());
        assertEquals(T0, a.storedAt());
        assertEquals(tmp.resolve("pkg").resolve("a").toAbsolutePath(), a.packageDir());
        assertEquals(OutboxState.ACKNOWLEDGED, outbox.find("b").orElseThrow().state());
    }

    @Test
    void instanceEnqueueStampsStoredAtFromTheClockWhenMissing() throws Exception {
        outbox.enqueue(new OutboxEntry("p1", "U1", tmp, 0, null, null, 0));
        assertEquals(T0, outbox.find("p1").orElseThrow().storedAt());
    }

    @Test
    void enqueueInsideCallerTransactionCommitsAndRollsBackWithIt() throws Exception {
        try (Connection runtime = SqliteOutbox.connect(dbFile)) {
            SqliteOutbox.migrate(runtime);
            try (Statement s = runtime.createStatement()) {
                s.execute("CREATE TABLE evidence (id TEXT PRIMARY KEY)");
            }
            runtime.setAutoCommit(false);
            try (Statement s = runtime.createStatement()) {
                s.execute("INSERT INTO evidence VALUES ('rolled-back')");
            }
            SqliteOutbox.enqueue(runtime, entry("rolled-back", 0, T0));
            runtime.rollback();

            try (Statement s = runtime.createStatement()) {
                s.execute("INSERT INTO evidence VALUES ('kept')");
            }
            SqliteOutbox.enqueue(runtime, entry("kept", 0, T0));
            runtime.commit();
        }

        assertTrue(outbox.find("rolled-back").isEmpty());
        assertTrue(outbox.find("kept").isPresent());
        assertEquals(List.of("kept"), dueIds(0));
    }

    @Test
    void reEnqueueOfSameFolderIsNoOpButAnotherFolderIsRefused() throws Exception {
        outbox.enqueue(entry("p1", 0, T0));
        outbox.markSent("p1");
        outbox.enqueue(entry("p1", 0, T0));
        assertEquals(OutboxState.SENT, outbox.find("p1").orElseThrow().state());

        OutboxException e = assertThrows(OutboxException.class, () ->
                outbox.enqueue(new OutboxEntry("p1", "U1", tmp.resolve("elsewhere"), 0, T0, OutboxState.STORED, 0)));
        assertTrue(e.getMessage().contains("p1"), e.getMessage());
    }

    @Test
    void secondProcessConnectionSeesEnqueuedEntriesAndSharesTheStateMachine() throws Exception {
        try (SqliteOutbox agent = new SqliteOutbox(dbFile, clock)) {
            outbox.enqueue(entry("p1", 0, T0));
            assertEquals(1, agent.due(10, 0).size());
            agent.markSent("p1");
            agent.markAcknowledged("p1");
        }
        assertEquals(OutboxState.ACKNOWLEDGED, outbox.find("p1").orElseThrow().state());
    }

    @Test
    void writerWaitsForTheOtherProcessTransactionInsteadOfFailing() throws Exception {
        outbox.enqueue(entry("p1", 0, T0));
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> runtime = CompletableFuture.runAsync(() -> {
            try (Connection c = SqliteOutbox.connect(dbFile)) {
                c.setAutoCommit(false);
                SqliteOutbox.enqueue(c, entry("p2", 0, T0));
                locked.countDown();
                Thread.sleep(700);
                c.commit();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        outbox.markSent("p1");
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        runtime.get(10, TimeUnit.SECONDS);

        assertTrue(waitedMs >= 300, "markSent should have waited for the lock, took " + waitedMs + " ms");
        assertEquals(OutboxState.SENT, outbox.find("p1").orElseThrow().state());
        assertTrue(outbox.find("p2").isPresent());
    }

    @Test
    void databaseIsInWalModeWithOwnPrefixedTablesAndOneRecordedMigration() throws Exception {
        outbox.close();
        outbox = new SqliteOutbox(dbFile, clock);
        try (Connection c = SqliteOutbox.connect(dbFile); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    assertTrue(rs.getString(1).startsWith("outbox"), rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM outbox_schema_migrations")) {
                rs.next();
                assertEquals(OutboxSchema.latestVersion(), rs.getInt(1));
                assertEquals(OutboxSchema.latestVersion(), rs.getInt(2));
            }
        }
    }
}
