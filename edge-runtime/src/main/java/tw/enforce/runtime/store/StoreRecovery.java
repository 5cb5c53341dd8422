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
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.runtime.evidence.EvidenceVerifier;
import tw.enforce.runtime.evidence.FolderVerification;
import tw.enforce.sync.outbox.OutboxException;

/**
 * Brings the index back in line with the folders after a crash. Three cases, by the store's write
 * order: a {@code .incoming-*} folder was never visible (its package was never indexed nor its chain
 * advanced), so it is removed; a complete folder that is not indexed (crash between rename and commit)
 * is verified and then indexed and queued at the chain position its signed manifest states, or, if it
 * does not verify or does not fit, moved to the quarantine folder with an alarm; an indexed package
 * whose folder is gone raises an alarm (that loss the store cannot explain).
 */
final class StoreRecovery {
    private static final Logger log = LoggerFactory.getLogger(StoreRecovery.class);
    private final Connection db;
    private final Path evidenceRoot;
    private final Path quarantine;
    private final String unitId;
    private final PublicKey unitKey;
    private final StoreJournal journal;
    private final Clock clock;
    private final EvidenceVerifier verifier = new EvidenceVerifier();

    StoreRecovery(Connection db, Path evidenceRoot, Path quarantine, String unitId, PublicKey unitKey, StoreJournal journal,
                  Clock clock) {
        this.db = db;
        this.evidenceRoot = evidenceRoot;
        this.quarantine = quarantine;
        this.unitId = unitId;
        this.unitKey = unitKey;
        this.journal = journal;
        this.clock = clock;
    }

    /** Returns the number of folders re-indexed. */
    int run() throws IOException, SQLException {
        Map<String, Long> indexed = indexed();
        List<Path> entries;
        try (var list = Files.list(evidenceRoot)) {
            entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        int reindexed = 0;
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(".incoming-")) {
                deleteTree(p);
                log.info("removed unfinished write {} (never visible)", name);
            } else if (!indexed.containsKey(name)) {
                if (recoverFolder(p, indexed)) {
                    reindexed++;
                }
            }
        }
        for (String id : indexed.keySet()) {
            if (!Files.isDirectory(evidenceRoot.resolve(id))) {
                journal.alarm(StoreAlarm.PACKAGE_FOLDER_MISSING, "package " + id + " is indexed but its folder "
                        + evidenceRoot.resolve(id) + " is gone");
            }
        }
        return reindexed;
    }

    private boolean recoverFolder(Path dir, Map<String, Long> indexed) throws IOException, SQLException {
        String name = dir.getFileName().toString();
        String why;
        if (!Files.isDirectory(dir)) {
            why = "not a package folder";
        } else {
            FolderVerification v = verifier.verify(dir, unitKey);
            if (!v.ok()) {
                why = "does not verify: " + v.summary();
            } else if (!v.header().packageId().equals(name) || !v.header().unitId().equals(unitId)) {
                why = "manifest names package " + v.header().packageId() + " of unit " + v.header().unitId();
            } else if (indexed.containsValue(v.header().sequence())) {
                why = "chain position " + v.header().sequence() + " is already taken by another package";
            } else {
                db.setAutoCommit(false);
                try {
                    SqliteEvidenceStore.index(db, name, unitId, v.header().sequence(), v.manifestSha256(), dir,
                            v.header().createdAt().toEpochMilli(), SqliteEvidenceStore.DEFAULT_PRIORITY, clock);
                    db.commit();
                } catch (SQLException | OutboxException e) {
                    db.rollback();
                    throw new SQLException("cannot re-index " + name + ": " + e.getMessage(), e);
                } finally {
                    db.setAutoCommit(true);
                }
                indexed.put(name, v.header().sequence());
                log.warn("evidence folder {} was complete on disk but not indexed (crash before commit): verified, "
                        + "re-indexed at sequence {} and queued", name, v.header().sequence());
                return true;
            }
        }
        Files.createDirectories(quarantine);
        Path target = quarantine.resolve(name);
        for (int i = 1; Files.exists(target); i++) {
            target = quarantine.resolve(name + "." + i);
        }
        Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
        journal.alarm(StoreAlarm.PACKAGE_QUARANTINED, "evidence folder " + name + " " + why + "; moved to " + target);
        return false;
    }

    private Map<String, Long> indexed() throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT package_id, sequence FROM evidence");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
