package tw.enforce.sync.protocol;

import java.util.List;
import java.util.stream.Collectors;

/** Outcome of checking a package: ok when no check failed; otherwise each failure names its file and check. */
public record Verification(List<Failure> failures) {

    public enum Check {
        MISSING_MANIFEST, MALFORMED_MANIFEST, MISSING_SIGNATURE, BAD_SIGNATURE, UNIT_MISMATCH, PACKAGE_ID_MISMATCH,
        LISTED_FILE_MISSING, UNLISTED_FILE, SIZE_MISMATCH, HASH_MISMATCH, DUPLICATE_LISTING
    }

    public record Failure(String file, Check check, String detail) {
        @Override
        public String toString() {
            return file + ": " + check.name().toLowerCase().replace('_', ' ') + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    public Verification {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    public boolean failed(String file, Check check) {
        return failures.stream().anyMatch(f -> f.file().equals(file) && f.check() == check);
    }

    /** One line for logs and the reject ack. */
    public String summary() {
        return ok() ? "ok" : failures.stream().map(Failure::toString).collect(Collectors.joining("; "));
    }
}
