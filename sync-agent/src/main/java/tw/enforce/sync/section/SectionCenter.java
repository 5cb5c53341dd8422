package tw.enforce.sync.section;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.center.Received;
import tw.enforce.sync.center.StoredPackage;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.MalformedMessageException;
import tw.enforce.sync.protocol.PackageFiles;

/**
 * Section speed at the center: every package the receiver accepted is looked at once; a PASSAGE is
 * indexed by section and plate, and the passages of that plate are paired again
 * ({@link SectionPairing}), so a late or out-of-order arrival is taken into account. Each new match
 * gets a decision record ({@link SectionDecisionRecord}) on disk and a row in the index; a case whose
 * pairing a later passage changed is marked void with the reason, never deleted. Works only on
 * packages already verified and stored, so it can always be re-run over the store
 * ({@link #catchUp()}) after a crash or on another machine.
 */
public final class SectionCenter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SectionCenter.class);
    public static final String RECORDS = "sections";

    private final Path storeDir;
    private final CenterStore store;
    private final SectionLedger ledger;
    private final SectionPolicy policy;
    private final Clock clock;

    public SectionCenter(Path storeDir, CenterStore store, SectionPolicy policy, Clock clock) throws IOException {
        this.storeDir = storeDir;
        this.store = store;
        this.ledger = new SectionLedger(storeDir.resolve("center.db"));
        this.policy = policy;
        this.clock = clock;
    }

    /** For {@code CenterReceiver.addListener}: looks at each accepted package; a failure is logged, never thrown. */
    public Consumer<Received> listener() {
        return r -> {
            if (r.outcome() == Received.Outcome.ACCEPTED) {
                try {
                    onAccepted(r.unitId(), r.packageId());
                } catch (IOException e) {
                    log.error("section index not updated for package {} of unit {} (caught up at the next start): {}",
                            r.packageId(), r.unitId(), e.getMessage());
                }
            }
        };
    }

    /** Looks at every accepted package not looked at yet; returns how many passages that added. */
    public synchronized int catchUp() throws IOException {
        int added = 0;
        for (StoredPackage p : store.list()) {
            if (p.status() == StoredPackage.Status.ACCEPTED && onAccepted(p.unitId(), p.packageId())) {
                added++;
            }
        }
        return added;
    }

    /** Indexes one stored package; true when it was a passage seen for the first time. */
    public synchronized boolean onAccepted(String unitId, String packageId) throws IOException {
        try {
            if (ledger.scanned(packageId)) {
                return false;
            }
            Path folder = store.packageFolder(unitId, packageId);
            byte[] bytes = Files.readAllBytes(folder.resolve(PackageFiles.MANIFEST));
            if (!PassageManifest.isPassage(bytes)) {
                ledger.markScanned(packageId, false);
                return false;
            }
            PassageManifest m;
            try {
                m = PassageManifest.read(bytes);
            } catch (MalformedMessageException e) {
                log.warn("passage package {} of unit {} cannot be used for section speed: {}", packageId, unitId,
                        e.getMessage());
                ledger.markScanned(packageId, false);
                return false;
            }
            String plate = SectionPairing.plateKey(m.passage().plate());
            ledger.addPassage(m, plate, storeDir.relativize(folder).toString());
            ledger.markScanned(packageId, true);
            if (plate == null) {
                log.info("passage {} of unit {} in section {}: plate {}, never paired", packageId, unitId,
                        m.section().sectionId(), m.passage().plate().status());
                return true;
            }
            repair(m.section().sectionId(), plate, packageId);
            return true;
        } catch (SQLException e) {
            throw new IOException("section index: " + e.getMessage(), e);
        }
    }

    private void repair(String sectionId, String plate, String trigger) throws SQLException, IOException {
        List<SectionPairing.Stored> passages = new ArrayList<>();
        for (SectionLedger.PassageRow row : ledger.passagesOf(sectionId, plate)) {
            passages.add(load(storeDir.resolve(row.folder())));
        }
        Map<String, SectionDecisionRecord> now = SectionPairing.pair(passages, policy.maxElapsed()).stream()
                .map(m -> SectionDecisionRecord.of(m, policy))
                .collect(Collectors.toMap(SectionDecisionRecord::caseId, r -> r, (a, b) -> a));
        Set<String> held = new HashSet<>();
        for (SectionCase c : ledger.cases(sectionId, plate)) {
            held.add(c.caseId());
            if (!now.containsKey(c.caseId())) {
                ledger.voidCase(c.caseId(), "pairing changed when package " + trigger + " arrived");
                log.warn("section {} case {} ({}) void: pairing changed when package {} arrived", sectionId,
                        c.caseId(), c.status(), trigger);
            }
        }
        for (SectionDecisionRecord r : now.values()) {
            if (held.contains(r.caseId())) {
                continue;
            }
            Path file = write(r);
            ledger.addCase(r, clock.instant(), storeDir.relativize(file).toString());
            log.info("section {} case {}: {} plate {} entry {} exit {}{}", sectionId, r.caseId(), r.status(), plate,
                    r.entry() == null ? "-" : r.entry().packageId(), r.exit().packageId(),
                    r.decision() == null ? "" : String.format(" %.1f km/h", r.decision().speedKmh()));
        }
    }

    static SectionPairing.Stored load(Path folder) throws IOException {
        byte[] bytes = Files.readAllBytes(folder.resolve(PackageFiles.MANIFEST));
        try {
            return new SectionPairing.Stored(PackageFiles.sha256Hex(bytes), PassageManifest.read(bytes));
        } catch (MalformedMessageException e) {
            throw new IOException("passage " + folder + " no longer reads: " + e.getMessage(), e);
        }
    }

    private Path write(SectionDecisionRecord r) throws IOException {
        Path dir = Files.createDirectories(storeDir.resolve(RECORDS).resolve(r.sectionId()));
        Path file = dir.resolve(r.caseId() + ".json");
        Path tmp = dir.resolve("." + r.caseId() + ".tmp");
        Files.write(tmp, CanonicalJson.write(r));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    public synchronized List<SectionCase> cases() throws IOException {
        try {
            return ledger.allCases();
        } catch (SQLException e) {
            throw new IOException("section index: " + e.getMessage(), e);
        }
    }

    /** Passages indexed: with a plate that can be paired, and without (unread or invalid format). */
    public synchronized long[] passageCounts() throws IOException {
        try {
            return new long[] {ledger.passageCount(true), ledger.passageCount(false)};
        } catch (SQLException e) {
            throw new IOException("section index: " + e.getMessage(), e);
        }
    }

    /**
     * Derives every standing case's record again from the packages it cites and compares bytes;
     * returns one line per case that differs or whose packages changed (empty = all reproduce).
     */
    public synchronized List<String> verify() throws IOException {
        List<String> problems = new ArrayList<>();
        for (SectionCase c : cases()) {
            if (c.isVoid()) {
                continue;
            }
            try {
                byte[] held = Files.readAllBytes(storeDir.resolve(c.file()));
                SectionDecisionRecord r = CanonicalJson.read(held, SectionDecisionRecord.class);
                byte[] again = CanonicalJson.write(SectionDecisionRecord.of(rebuild(r), policyOf(r)));
                if (!Arrays.equals(held, again)) {
                    problems.add(c.caseId() + ": record differs from the one derived again from its packages");
                }
            } catch (IOException | MalformedMessageException | RuntimeException e) {
                problems.add(c.caseId() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private SectionPairing.Match rebuild(SectionDecisionRecord r) throws IOException {
        SectionPairing.Stored exit = cited(r.exit());
        if (SectionDecisionRecord.Status.AMBIGUOUS.name().equals(r.status())) {
            List<SectionPairing.Stored> entries = new ArrayList<>();
            for (SectionDecisionRecord.PackageRef ref : r.candidates()) {
                entries.add(cited(ref));
            }
            return new SectionPairing.Ambiguous(exit, entries);
        }
        SectionPairing.Stored entry = cited(r.entry());
        if (SectionDecisionRecord.Status.CONFLICT.name().equals(r.status())) {
            String why = r.note().replaceFirst(": not decided$", "");
            return new SectionPairing.Conflict(entry, exit, why);
        }
        return new SectionPairing.Paired(entry, exit);
    }

    private SectionPairing.Stored cited(SectionDecisionRecord.PackageRef ref) throws IOException {
        SectionPairing.Stored s = load(store.packageFolder(ref.unitId(), ref.packageId()));
        if (!s.manifestSha256().equals(ref.manifestSha256())) {
            throw new IOException("package " + ref.packageId() + " manifest SHA-256 " + s.manifestSha256()
                    + " is not the cited " + ref.manifestSha256());
        }
        return s;
    }

    private SectionPolicy policyOf(SectionDecisionRecord r) {
        return r.decisionInput() == null ? policy : new SectionPolicy(policy.maxElapsed(),
                r.decisionInput().maxClockOffsetMs(), r.decisionInput().maxPlausibleKmh());
    }

    @Override
    public void close() {
        ledger.close();
    }
}
