package tw.enforce.runtime.evidence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of checking one evidence folder offline: ok when no check failed; otherwise each
 * problem names the file and the check. {@code manifest} is the parsed manifest when it could be read.
 */
public record FolderVerification(List<Problem> problems, EvidenceManifest manifest, String manifestSha256,
                                 PackageHeader header) {

    /**
     * What every package of the unit's chain states, whatever its kind: a violation case
     * ({@link #VIOLATION}, whose full manifest is {@code manifest}) or a section passage
     * ({@link #PASSAGE}, no violation manifest). Chain checks and store recovery use this.
     */
    public record PackageHeader(String kind, String packageId, String unitId, long sequence,
                                String previousManifestSha256, java.time.Instant createdAt, int fileCount) {
        public static final String VIOLATION = "VIOLATION";
        public static final String PASSAGE = "PASSAGE";

        static PackageHeader of(EvidenceManifest m) {
            return new PackageHeader(VIOLATION, m.packageId(), m.unitId(), m.sequence(), m.previousManifestSha256(),
                    m.createdAt(), m.files() == null ? 0 : m.files().size());
        }
    }

    public FolderVerification(List<Problem> problems, EvidenceManifest manifest, String manifestSha256) {
        this(problems, manifest, manifestSha256, manifest == null ? null : PackageHeader.of(manifest));
    }

    /** One failed check: the file it concerns, the check (e.g. "hash mismatch"), and the detail. */
    public record Problem(String file, String check, String detail) {
        @Override
        public String toString() {
            return file + ": " + check + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    public FolderVerification {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public boolean failed(String file, String check) {
        return problems.stream().anyMatch(p -> p.file().equals(file) && p.check().equals(check));
    }

    public String summary() {
        return ok() ? "ok" : problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
