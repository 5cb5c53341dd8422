package tw.enforce.runtime.store;

/** One deletion as recorded in the audit table: when, which package and file, its size and hash, and why. */
public record AuditEntry(long atMillis, String packageId, String file, long bytes, String sha256, String action,
                         String reason) {
}
