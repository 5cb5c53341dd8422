package tw.enforce.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.runtime.evidence.ChainLink;
import tw.enforce.runtime.evidence.EvidenceFile;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.sync.outbox.OutboxEntry;
import tw.enforce.sync.outbox.OutboxException;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.outbox.SqliteOutbox;

/**
 * The unit's evidence store: package folders under {@code evidenceRoot} and an index in the unit's
 * SQLite database (WAL), shared with the outbox so that indexing a package and queueing it for the
 * center is one transaction.
 *
 * <p>Order of a store, and why: files are written into a hidden {@code .incoming-ID} folder and
 * forced to disk, the folder is renamed to {@code ID} and the parent forced, and only then is the
 * index row inserted together with the outbox row. A package is therefore visible (indexed, sent)
 * only when all its parts are durable. The chain (sequence, previous manifest hash) is advanced only
 * after a commit. At start-up a corrupt database is moved aside (never overwritten) and
 * {@link StoreRecovery} re-indexes verified folders a crash left unindexed.
 *
 * <p>Disk: with a quota, acknowledged media are pruned oldest first to make room ({@link Retention});
 * when nothing can be pruned, or the disk itself is full, the package is not written, an alarm is
 * raised and its signed manifest is kept in the database, and the chain is not advanced.
 */
public final class SqliteEvidenceStore implements AutoCloseable {
    static final int DEFAULT_PRIORITY = 5;
    private static final Logger log = LoggerFactory.getLogger(SqliteEvidenceStore.class);
    private final Path evidenceRoot;
    private final Connection db;
    private final SqliteOutbox outbox;
    private final String unitId;
    private final StoreSettings settings;
    private final Clock clock;
    private final StoreJournal journal;
    private final StoreRecovery recovery;
    private final Retention retention;
    private long usedBytes;
    private ChainLink next;

    /**
     * Opens the store, checking the database and recovering from a crash first. The quarantine folder
     * is {@code quarantine} beside {@code evidenceRoot}.
     */
    public SqliteEvidenceStore(Path dbFile, Path evidenceRoot, String unitId, PublicKey unitKey, StoreSettings settings,
                               Clock clock) throws StoreException {
        this.evidenceRoot = evidenceRoot;
        this.unitId = unitId;
        this.settings = settings;
        this.clock = clock;
        try {
            Files.createDirectories(evidenceRoot);
            Files.createDirectories(dbFile.toAbsolutePath().getParent());
            DatabaseGuard.Opened opened = DatabaseGuard.open(dbFile, clock);
            this.db = opened.connection();
            SqliteOutbox.migrate(db);
            EvidenceSchema.migrate(db);
            this.outbox = new SqliteOutbox(dbFile, clock);
            this.journal = new StoreJournal(db, clock);
            opened.movedAside().ifPresent(why -> journal.alarm(StoreAlarm.DATABASE_CORRUPT, why));
            this.recovery = new StoreRecovery(db, evidenceRoot, evidenceRoot.toAbsolutePath().resolveSibling("quarantine"),
                    unitId, unitKey, journal, clock);
            this.retention = new Retention(db, outbox, journal, clock);
            recovery.run();
            this.next = readChainHead();
            this.usedBytes = DiskUsage.of(evidenceRoot);
        } catch (SQLException | OutboxException | IOException e) {
            throw new StoreException("cannot open evidence store " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /** Seals a package at the next place in the chain and stores it durably with its outbox entry. */
    public synchronized SignedPackage store(Function<ChainLink, SignedPackage> seal, int priority) throws StoreException {
        if (Files.exists(evidenceRoot.resolve(tw.enforce.runtime.evidence.ViolationEvidence.packageId(unitId, next.sequence())))) {
            reconcile(); // a folder renamed earlier in this run whose commit failed
        }
        SignedPackage p = seal.apply(next);
        long bytes = p.manifestJson().length + 88L + p.files().stream().mapToLong(f -> f.bytes().length).sum();
        makeRoom(p, bytes);
        Path dir = evidenceRoot.resolve(p.packageId());
        writeFolder(p, dir);
        try {
            db.setAutoCommit(false);
            index(db, p.packageId(), unitId, p.sequence(), p.manifestSha256(), dir, clock.millis(), priority, clock);
            db.commit();
        } catch (SQLException | OutboxException e) {
            rollbackQuietly();
            throw new StoreException("cannot index package " + p.packageId() + " (its signed folder stays at " + dir
                    + " and is re-indexed at the next start): " + e.getMessage(), e);
        } finally {
            autoCommitQuietly();
        }
        usedBytes += bytes;
        next = new ChainLink(p.sequence() + 1, p.manifestSha256());
        log.info("stored evidence {} (sequence {}) in {}", p.packageId(), p.sequence(), dir);
        return p;
    }

    private void makeRoom(SignedPackage p, long bytes) throws StoreException {
        if (!settings.hasQuota() || usedBytes + bytes <= settings.quotaBytes()) {
            return;
        }
        try {
            usedBytes -= retention.prune(usedBytes + bytes - settings.quotaBytes(), "quota " + settings.quotaBytes() + " bytes");
        } catch (SQLException | IOException | OutboxException e) {
            log.error("pruning acknowledged media failed: {}", e.getMessage(), e);
        }
        if (usedBytes + bytes > settings.quotaBytes()) {
            String why = "evidence quota of " + settings.quotaBytes() + " bytes reached (" + usedBytes
                    + " used) and nothing acknowledged is left to prune; package " + p.packageId() + " ("
                    + bytes + " bytes) not written, its signed manifest kept in the database";
            journal.alarm(StoreAlarm.QUOTA_EXHAUSTED, why);
            journal.keepUnstored(p.packageId(), p.sequence(), p.manifestJson(), p.signature(), "quota");
            throw new StoreException(why, null);
        }
    }

    private void writeFolder(SignedPackage p, Path dir) throws StoreException {
        Path incoming = evidenceRoot.resolve(".incoming-" + p.packageId());
        try {
            if (Files.exists(dir)) {
                throw new IOException("package folder " + dir + " already exists: refusing to overwrite evidence");
            }
            StoreRecovery.deleteTree(incoming);
            Files.createDirectory(incoming);
            for (EvidenceFile f : p.files()) {
                DurableFiles.write(incoming.resolve(f.name()), f.bytes());
            }
            DurableFiles.write(incoming.resolve("manifest.json"), p.manifestJson());
            DurableFiles.write(incoming.resolve("manifest.sig"), Base64.getEncoder().encode(p.signature()));
            DurableFiles.syncDirectory(incoming);
            Files.move(incoming, dir, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(evidenceRoot);
        } catch (IOException e) {
            try {
                StoreRecovery.deleteTree(incoming);
            } catch (IOException cleanup) {
                log.warn("cannot remove {} after a failed write: {}", incoming, cleanup.getMessage());
            }
            if (DiskUsage.isNoSpace(e, evidenceRoot)) {
                journal.alarm(StoreAlarm.DISK_FULL, "disk full writing package " + p.packageId() + " in " + evidenceRoot
                        + "; not written, its signed manifest kept in the database: " + e.getMessage());
                journal.keepUnstored(p.packageId(), p.sequence(), p.manifestJson(), p.signature(), "disk full");
            }
            throw new StoreException("cannot write package " + p.packageId() + ": " + e.getMessage(), e);
        }
    }

    /** Prunes acknowledged media down to the quota now (housekeeping, e.g. after acks arrived). */
    public synchronized long enforceQuota() throws StoreException {
        if (!settings.hasQuota() || usedBytes <= settings.quotaBytes()) {
            return 0;
        }
        try {
            long freed = retention.prune(usedBytes - settings.quotaBytes(), "quota " + settings.quotaBytes() + " bytes");
            usedBytes -= freed;
            return freed;
        } catch (SQLException | IOException | OutboxException e) {
            throw new StoreException("cannot prune evidence: " + e.getMessage(), e);
        }
    }

    static void index(Connection db, String packageId, String unitId, long sequence, String manifestSha256, Path dir,
                      long createdAtMillis, int priority, Clock clock) throws SQLException, OutboxException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO evidence(package_id, sequence, manifest_sha256, dir, created_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, packageId);
            ps.setLong(2, sequence);
            ps.setString(3, manifestSha256);
            ps.setString(4, dir.toString());
            ps.setLong(5, createdAtMillis);
            ps.executeUpdate();
        }
        SqliteOutbox.enqueue(db, new OutboxEntry(packageId, unitId, dir, priority, clock.instant(), OutboxState.STORED, 0));
    }

    private void reconcile() throws StoreException {
        try {
            recovery.run();
            next = readChainHead();
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot reconcile evidence folders with the index: " + e.getMessage(), e);
        }
    }

    public synchronized List<StoredEvidence> list() throws StoreException {
        List<StoredEvidence> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT package_id, sequence, manifest_sha256, dir, created_at, media_pruned_at "
                     + "FROM evidence ORDER BY sequence")) {
            while (rs.next()) {
                long pruned = rs.getLong(6);
                out.add(new StoredEvidence(rs.getString(1), rs.getLong(2), rs.getString(3), Path.of(rs.getString(4)),
                        rs.getLong(5), rs.wasNull() ? Optional.empty() : Optional.of(pruned)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list evidence: " + e.getMessage(), e);
        }
        return out;
    }

    public synchronized Optional<StoredEvidence> find(String packageId) throws StoreException {
        return list().stream().filter(e -> e.packageId().equals(packageId)).findFirst();
    }

    /** Records a unit alarm (cabinet opened, …) next to the store's own: logged at ERROR and kept in the database. */
    public synchronized void recordAlarm(String code, String detail) {
        journal.alarm(code, detail);
    }

    public synchronized List<StoreAlarm> alarms() throws StoreException {
        try {
            return journal.alarms();
        } catch (SQLException e) {
            throw new StoreException("cannot read alarms: " + e.getMessage(), e);
        }
    }

    public synchronized List<AuditEntry> auditTrail() throws StoreException {
        try {
            return journal.auditTrail();
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /** Packages sealed but not written (quota or disk full), whose signed manifests are kept in the database. */
    public synchronized long unstoredCount() throws StoreException {
        try {
            return journal.unstoredCount();
        } catch (SQLException e) {
            throw new StoreException("cannot count unstored packages: " + e.getMessage(), e);
        }
    }

    /** {@code PRAGMA integrity_check} of the unit database: "ok" when sound. */
    public synchronized String integrityCheck() throws StoreException {
        try {
            return DatabaseGuard.integrityCheck(db);
        } catch (SQLException e) {
            throw new StoreException("integrity check failed to run: " + e.getMessage(), e);
        }
    }

    public synchronized long usedBytes() {
        return usedBytes;
    }

    public synchronized ChainLink nextLink() {
        return next;
    }

    private ChainLink readChainHead() throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT sequence, manifest_sha256 FROM evidence ORDER BY sequence DESC LIMIT 1")) {
            if (rs.next()) {
                return new ChainLink(rs.getLong(1) + 1, rs.getString(2));
            }
        }
        return new ChainLink(1, EvidenceManifest.GENESIS);
    }

    private void rollbackQuietly() {
        try {
            db.rollback();
        } catch (SQLException e) {
            log.error("rollback failed", e);
        }
    }

    private void autoCommitQuietly() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            log.error("cannot restore auto-commit", e);
        }
    }

    @Override
    public synchronized void close() {
        outbox.close();
        try {
            db.close();
        } catch (SQLException e) {
            log.warn("closing evidence store: {}", e.getMessage());
        }
    }

    /** An indexed package; {@code mediaPrunedAt} is set once retention deleted its media (manifest kept). */
    public record StoredEvidence(String packageId, long sequence, String manifestSha256, Path dir, long createdAtMillis,
                                 Optional<Long> mediaPrunedAt) {
    }
}
