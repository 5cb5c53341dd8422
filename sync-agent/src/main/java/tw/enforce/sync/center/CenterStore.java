package tw.enforce.sync.center;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import tw.enforce.sync.protocol.Ack;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageFiles;
import tw.enforce.sync.protocol.WirePackage;

/**
 * The center's durable store: {@code center.db} indexes what arrived, {@code packages/<unit>/<id>/}
 * holds each accepted package as received, {@code quarantine/} every rejected message with a
 * {@code reason.txt}. A package counts as stored only once its folder is complete on disk and its
 * row committed; the ack goes out after that. De-duplication is by package id: the check, the folder
 * and the row happen under one IMMEDIATE transaction, so receivers in several processes sharing the
 * store cannot store a package twice.
 */
public final class CenterStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CenterStore.class);
    private static final String REASON_FILE = "reason.txt";

    private final Path packages;
    private final Path quarantine;
    private final Path spool;
    private final Connection db;
    private final Clock clock;

    public CenterStore(Path dir, Clock clock) throws IOException {
        this.clock = clock;
        this.packages = Files.createDirectories(dir.resolve("packages"));
        this.quarantine = Files.createDirectories(dir.resolve("quarantine"));
        this.spool = dir.resolve("spool");
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            this.db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("center.db").toAbsolutePath(),
                    config.toProperties());
            CenterSchema.apply(db, clock.millis());
        } catch (SQLException e) {
            throw new IOException("cannot open center database in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores a verified package: ACCEPTED when new, DUPLICATE when this id is already stored (nothing
     * written). The chain check runs in the same transaction, so two receivers cannot both accept
     * packages claiming one sequence.
     *
     * @throws ChainBrokenException when the package contradicts its stored neighbours (nothing written)
     */
    public synchronized Ack.Status store(WirePackage pkg, ManifestSummary manifest) throws IOException,
            ChainBrokenException {
        Instant now = clock.instant();
        try {
            db.setAutoCommit(false);
            try {
                if (contains(pkg.packageId())) {
                    db.rollback();
                    return Ack.Status.DUPLICATE;
                }
                String manifestSha = PackageFiles.sha256Hex(pkg.files().get(PackageFiles.MANIFEST));
                ChainCheck.check(db, pkg.unitId(), pkg.packageId(), manifest, manifestSha);
                Path target = packages.resolve(pkg.unitId()).resolve(pkg.packageId());
                if (Files.exists(target)) {
                    // left by a crash between rename and commit: the row is the truth, so redo it
                    DurableFiles.deleteTree(target);
                }
                DurableFiles.writeFolder(target, pkg.files());
                try (PreparedStatement p = db.prepareStatement("INSERT INTO center_packages "
                        + "(package_id, unit_id, sequence, received_at_ms, folder, manifest_sha256, previous_manifest_sha256) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    p.setString(1, pkg.packageId());
                    p.setString(2, pkg.unitId());
                    p.setLong(3, manifest.sequence());
                    p.setLong(4, now.toEpochMilli());
                    p.setString(5, packages.relativize(target).toString());
                    p.setString(6, manifestSha);
                    p.setString(7, manifest.previousManifestSha256());
                    p.executeUpdate();
                }
                db.commit();
                log.info("stored package {} of unit {} (sequence {})", pkg.packageId(), pkg.unitId(), manifest.sequence());
                return Ack.Status.ACCEPTED;
            } catch (SQLException | IOException | ChainBrokenException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("cannot store package " + pkg.packageId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps a rejected message for inspection: its files (or the raw payload when it could not be
     * decoded) and the reasons. Ids may be null when the message did not say.
     */
    public synchronized Path quarantine(String packageId, String unitId, Long sequence, Map<String, byte[]> files,
                                        List<String> reasons) throws IOException {
        Instant now = clock.instant();
        String name = now.toEpochMilli() + "-" + (packageId != null ? packageId : "malformed") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path folder = quarantine.resolve(name);
        Map<String, byte[]> withReason = new java.util.TreeMap<>(files);
        withReason.put(REASON_FILE, (String.join("\n", reasons) + "\n").getBytes(StandardCharsets.UTF_8));
        DurableFiles.writeFolder(folder, withReason);
        try (PreparedStatement p = db.prepareStatement("INSERT INTO center_rejections "
                + "(package_id, unit_id, sequence, received_at_ms, reasons, folder) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, packageId);
            p.setString(2, unitId);
            if (sequence != null) {
                p.setLong(3, sequence);
            } else {
                p.setNull(3, java.sql.Types.INTEGER);
            }
            p.setLong(4, now.toEpochMilli());
            p.setString(5, String.join("\n", reasons));
            p.setString(6, name);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot record rejection of " + packageId + ": " + e.getMessage(), e);
        }
        log.info("quarantined {} of unit {} in {}", packageId != null ? "package " + packageId : "a malformed message",
                unitId != null ? unitId : "?", folder);
        return folder;
    }

    public synchronized boolean contains(String packageId) throws IOException {
        try (PreparedStatement p = db.prepareStatement("SELECT 1 FROM center_packages WHERE package_id = ?")) {
            p.setString(1, packageId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IOException("cannot look up package " + packageId + ": " + e.getMessage(), e);
        }
    }

    /** Sequences missing below each unit's highest received one (the first package is sequence 1). */
    public synchronized List<ChainGap> gaps() throws IOException {
        try {
            return ChainCheck.gaps(db);
        } catch (SQLException e) {
            throw new IOException("cannot read the chains: " + e.getMessage(), e);
        }
    }

    /** Where chunks of large packages wait for their last piece. */
    Path spoolDir() {
        return spool;
    }

    /** The folder holding an accepted package. */
    public Path packageFolder(String unitId, String packageId) {
        return packages.resolve(unitId).resolve(packageId);
    }

    /** Everything received, accepted and rejected, oldest first. */
    public synchronized List<StoredPackage> list() throws IOException {
        List<StoredPackage> all = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT package_id, unit_id, sequence, received_at_ms FROM center_packages")) {
                while (rs.next()) {
                    all.add(new StoredPackage(rs.getString(1), rs.getString(2), rs.getLong(3),
                            Instant.ofEpochMilli(rs.getLong(4)), StoredPackage.Status.ACCEPTED, List.of()));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT package_id, unit_id, sequence, received_at_ms, reasons FROM center_rejections")) {
                while (rs.next()) {
                    long seq = rs.getLong(3);
                    Long sequence = rs.wasNull() ? null : seq;
                    all.add(new StoredPackage(rs.getString(1), rs.getString(2), sequence,
                            Instant.ofEpochMilli(rs.getLong(4)), StoredPackage.Status.REJECTED,
                            List.of(rs.getString(5).split("\n"))));
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot list the center store: " + e.getMessage(), e);
        }
        all.sort(Comparator.comparing(StoredPackage::receivedAt));
        return all;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            log.warn("closing center database: {}", e.getMessage());
        }
    }
}
