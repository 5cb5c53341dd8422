package tw.enforce.runtime.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tw.enforce.runtime.rule.RuleRegistry;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.section.PassageManifest;
import tw.enforce.sync.protocol.MalformedMessageException;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageFiles;
import tw.enforce.sync.protocol.PackageVerifier;
import tw.enforce.sync.protocol.SafeNames;
import tw.enforce.sync.protocol.Verification;
import tw.enforce.sync.protocol.WirePackage;

/**
 * Checks an evidence folder on disk, offline, with a given unit key: the signature and every file
 * hash through the sync protocol's {@link PackageVerifier} (the same checks the center makes), then
 * the manifest's own fields (schema, id matching unit and sequence, chain hash format, clock state,
 * decision input). Files an export adds ({@link #EXPORT_EXTRAS}) are not part of the signed package.
 */
public final class EvidenceVerifier {
    public static final Set<String> EXPORT_EXTRAS = Set.of(CourtExport.PUBLIC_KEY, CourtExport.SUMMARY_TXT,
            CourtExport.SUMMARY_HTML);
    private final PackageVerifier packages = new PackageVerifier();

    public FolderVerification verify(Path dir, PublicKey unitKey) {
        List<FolderVerification.Problem> problems = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        try (var list = Files.list(dir)) {
            for (Path f : list.sorted().toList()) {
                String name = f.getFileName().toString();
                if (EXPORT_EXTRAS.contains(name)) {
                    continue;
                }
                if (!Files.isRegularFile(f) || !SafeNames.isSafe(name)) {
                    problems.add(new FolderVerification.Problem(name, "unexpected entry", "not a plain file with a safe name"));
                    continue;
                }
                files.put(name, Files.readAllBytes(f));
            }
        } catch (IOException e) {
            problems.add(new FolderVerification.Problem(dir.toString(), "unreadable folder", e.getMessage()));
            return new FolderVerification(problems, null, null);
        }
        byte[] manifestBytes = files.get(PackageFiles.MANIFEST);
        if (manifestBytes == null) {
            problems.add(new FolderVerification.Problem(PackageFiles.MANIFEST, "missing manifest", ""));
            return new FolderVerification(problems, null, null);
        }
        String manifestSha = PackageFiles.sha256Hex(manifestBytes);
        ManifestSummary summary;
        try {
            summary = ManifestSummary.parse(manifestBytes);
        } catch (MalformedMessageException e) {
            problems.add(new FolderVerification.Problem(PackageFiles.MANIFEST, "malformed manifest", e.getMessage()));
            return new FolderVerification(problems, null, manifestSha);
        }
        Verification v = packages.verify(new WirePackage(summary.packageId(), summary.unitId(), files), unitKey);
        for (Verification.Failure f : v.failures()) {
            problems.add(new FolderVerification.Problem(f.file(), f.check().name().toLowerCase().replace('_', ' '), f.detail()));
        }
        if (PassageManifest.isPassage(manifestBytes)) {
            return passage(manifestBytes, manifestSha, problems);
        }
        EvidenceManifest m = null;
        try {
            m = CanonicalJson.read(manifestBytes, EvidenceManifest.class);
        } catch (MalformedMessageException e) {
            problems.add(new FolderVerification.Problem(PackageFiles.MANIFEST, "malformed manifest", e.getMessage()));
        }
        if (m != null) {
            checkFields(m, problems);
        }
        return new FolderVerification(problems, m, manifestSha);
    }

    /** A section unit's passage record: same signature, hashes and chain as a case, but no decision to check. */
    private static FolderVerification passage(byte[] manifestBytes, String manifestSha, List<FolderVerification.Problem> problems) {
        try {
            PassageManifest p = PassageManifest.read(manifestBytes);
            if (p.sequence() < 1 || !ViolationEvidence.packageId(p.unitId(), p.sequence()).equals(p.packageId())) {
                problems.add(new FolderVerification.Problem(PackageFiles.MANIFEST, "manifest field",
                        "packageId " + p.packageId() + " does not match unit " + p.unitId() + " and sequence " + p.sequence()));
            }
            return new FolderVerification(problems, null, manifestSha, new FolderVerification.PackageHeader(
                    FolderVerification.PackageHeader.PASSAGE, p.packageId(), p.unitId(), p.sequence(),
                    p.previousManifestSha256(), p.createdAt(), p.files().size()));
        } catch (MalformedMessageException e) {
            problems.add(new FolderVerification.Problem(PackageFiles.MANIFEST, "malformed manifest", e.getMessage()));
            return new FolderVerification(problems, null, manifestSha);
        }
    }

    private static void checkFields(EvidenceManifest m, List<FolderVerification.Problem> problems) {
        List<String> bad = new ArrayList<>();
        if (!EvidenceManifest.SCHEMA.equals(m.schema())) {
            bad.add("schema is '" + m.schema() + "', expected " + EvidenceManifest.SCHEMA);
        }
        if (m.sequence() < 1) {
            bad.add("sequence " + m.sequence() + " is not positive");
        } else if (!ViolationEvidence.packageId(m.unitId(), m.sequence()).equals(m.packageId())) {
            bad.add("packageId " + m.packageId() + " does not match unit " + m.unitId() + " and sequence " + m.sequence());
        }
        if (m.previousManifestSha256() == null || !m.previousManifestSha256().matches("[0-9a-f]{64}")) {
            bad.add("previousManifestSha256 is not 64 lowercase hex digits");
        } else if (m.sequence() == 1 && !EvidenceManifest.GENESIS.equals(m.previousManifestSha256())) {
            bad.add("first package of the chain does not start from the genesis hash");
        }
        if (m.createdAt() == null) {
            bad.add("createdAt missing");
        }
        if (m.clock() == null) {
            bad.add("clock state missing");
        }
        if (m.rule() == null) {
            bad.add("rule missing");
        }
        if (RuleRegistry.knownNames().contains(m.rule()) && (m.decisionInput() == null || m.measurement() == null)) {
            bad.add(m.rule() + " case without decisionInput or measurement");
        } else if (m.measurement() != null && !m.measurement().hasNonNull("eventTime")) {
            bad.add(m.rule() + " measurement without eventTime");
        }
        if (m.files() == null || m.files().isEmpty()) {
            bad.add("no media files listed");
        }
        for (String b : bad) {
            problems.add(new FolderVerification.Problem(PackageFiles.MANIFEST, "manifest field", b));
        }
    }

    /**
     * Checks that verified packages of one unit form an unbroken chain: sorted by sequence, each
     * must follow the previous one by one and carry its manifest hash. Problems name the folder's
     * manifest ({@code FOLDER/manifest.json}) and the check "chain".
     */
    public static List<FolderVerification.Problem> checkChain(Map<Path, FolderVerification> folders) {
        List<Map.Entry<Path, FolderVerification>> ordered = folders.entrySet().stream()
                .filter(e -> e.getValue().header() != null)
                .sorted(java.util.Comparator.comparingLong(e -> e.getValue().header().sequence()))
                .toList();
        List<FolderVerification.Problem> problems = new ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            FolderVerification.PackageHeader prev = ordered.get(i - 1).getValue().header();
            FolderVerification.PackageHeader cur = ordered.get(i).getValue().header();
            String file = ordered.get(i).getKey().getFileName() + "/" + PackageFiles.MANIFEST;
            if (!cur.unitId().equals(prev.unitId())) {
                problems.add(new FolderVerification.Problem(file, "chain", "unit " + cur.unitId() + " differs from "
                        + prev.unitId()));
            } else if (cur.sequence() == prev.sequence()) {
                problems.add(new FolderVerification.Problem(file, "chain", "sequence " + cur.sequence() + " appears twice"));
            } else if (cur.sequence() != prev.sequence() + 1) {
                problems.add(new FolderVerification.Problem(file, "chain", "gap: sequence " + prev.sequence() + " is followed by "
                        + cur.sequence()));
            } else if (!cur.previousManifestSha256().equals(ordered.get(i - 1).getValue().manifestSha256())) {
                problems.add(new FolderVerification.Problem(file, "chain", "previousManifestSha256 does not match the manifest of "
                        + prev.packageId()));
            }
        }
        return problems;
    }
}
