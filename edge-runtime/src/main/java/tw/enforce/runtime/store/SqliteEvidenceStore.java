package tw.enforce.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * only when all its parts are durable. A crash after the rename but before the commit leaves a
 * complete, signed but unindexed folder, which is logged at start-up rather than deleted.
 * The chain (sequence, previous manifest hash) is advanced only after a commit.
 */
public final class SqliteEvidenceStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteEvidenceStore.class);
    private final Path evidenceRoot;
    private final Connection db;
    private final String unitId;
    private final Clock clock;
    private ChainLink next;

    public SqliteEvidenceStore(Path dbFile, Path evidenceRoot, String unitId, Clock clock) throws StoreException {
        this.evidenceRoot = evidenceRoot;
        this.unitId = unitId;
        this.clock = clock;
        try {
            Files.createDirectories(evidenceRoot);
            Files.createDirectories(dbFile.toAbsolutePath().getParent());
            this.db = SqliteOutbox.connect(dbFile);
            SqliteOutbox.migrate(db);
            EvidenceSchema.migrate(db);
            this.next = readChainHead();
            reportUnindexed();
        } catch (SQLException | OutboxException | IOException e) {
            throw new StoreException("cannot open evidence store " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /** Seals a package at the next place in the chain and stores it durably with its outbox entry. */
    public synchronized SignedPackage store(Function<ChainLink, SignedPackage> seal, int priority) throws StoreException {
        SignedPackage p = seal.apply(next);
        Path incoming = evidenceRoot.resolve(".incoming-" + p.packageId());
        Path dir = evidenceRoot.resolve(p.packageId());
        try {
            if (Files.exists(dir)) {
                throw new IOException("package folder " + dir + " already exists: refusing to overwrite evidence");
            }
            deleteIncoming(incoming);
            Files.createDirectory(incoming);
            for (EvidenceFile f : p.files()) {
                DurableFiles.write(incoming.resolve(f.name()), f.bytes());
            }
            DurableFiles.write(incoming.resolve("manifest.json"), p.manifestJson());
            DurableFiles.write(incoming.resolve("manifest.sig"),
                    java.util.Base64.getEncoder().encode(p.signature()));
            DurableFiles.syncDirectory(incoming);
            Files.move(incoming, dir, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(evidenceRoot);
        } catch (IOException e) {
            throw new StoreException("cannot write package " + p.packageId() + ": " + e.getMessage(), e);
        }
        try {
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO evidence(package_id, sequence, manifest_sha256, dir, created_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, p.packageId());
                ps.setLong(2, p.sequence());
                ps.setString(3, p.manifestSha256());
                ps.setString(4, dir.toString());
                ps.setLong(5, clock.millis());
                ps.executeUpdate();
            }
            SqliteOutbox.enqueue(db, new OutboxEntry(p.packageId(), unitId, dir, priority, clock.instant(),
                    OutboxState.STORED, 0));
            db.commit();
        } catch (SQLException | OutboxException e) {
            rollbackQuietly();
            throw new StoreException("cannot index package " + p.packageId() + " (its signed folder stays at " + dir
                    + "): " + e.getMessage(), e);
        } finally {
            autoCommitQuietly();
        }
        next = new ChainLink(p.sequence() + 1, p.manifestSha256());
        log.info("stored evidence {} (sequence {}) in {}", p.packageId(), p.sequence(), dir);
        return p;
    }

    public synchronized List<StoredEvidence> list() throws StoreException {
        List<StoredEvidence> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT package_id, sequence, manifest_sha256, dir, created_at FROM evidence ORDER BY sequence")) {
            while (rs.next()) {
                out.add(new StoredEvidence(rs.getString(1), rs.getLong(2), rs.getString(3), Path.of(rs.getString(4)), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list evidence: " + e.getMessage(), e);
        }
        return out;
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

    private void reportUnindexed() throws IOException, SQLException {
        List<String> indexed = new ArrayList<>();
        for (StoredEvidence e : listUnchecked()) {
            indexed.add(e.packageId());
        }
        try (var dirs = Files.list(evidenceRoot)) {
            dirs.filter(Files::isDirectory)
                .map(d -> d.getFileName().toString())
                .filter(n -> !n.startsWith(".incoming-") && !indexed.contains(n))
                .forEach(n -> log.warn("evidence folder {} is complete on disk but not indexed (crash before commit); "
                        + "kept for recovery", n));
        }
    }

    private List<StoredEvidence> listUnchecked() throws SQLException {
        try {
            return list();
        } catch (StoreException e) {
            throw (SQLException) e.getCause();
        }
    }

    private static void deleteIncoming(Path incoming) throws IOException {
        if (!Files.exists(incoming)) {
            return;
        }
        // an unsigned leftover of a crash mid-write: never visible, safe to redo
        try (var files = Files.list(incoming)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(incoming);
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
        try {
            db.close();
        } catch (SQLException e) {
            log.warn("closing evidence store: {}", e.getMessage());
        }
    }

    public record StoredEvidence(String packageId, long sequence, String manifestSha256, Path dir, long createdAtMillis) {
    }
}
