package tw.enforce.sync.outbox;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One evidence package to deliver: its id, the folder holding its signed files, a priority (higher
 * goes first) and the time it was stored.
 */
public record OutboxEntry(String packageId, String unitId, Path packageDir, int priority, Instant storedAt,
                          OutboxState state, int attempts) {
}
