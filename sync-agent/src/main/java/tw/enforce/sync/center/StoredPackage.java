package tw.enforce.sync.center;

import java.time.Instant;
import java.util.List;

/**
 * One package the center received: ACCEPTED (verified and stored) or REJECTED (quarantined, with the
 * failures). {@code sequence} is null when a rejected package's manifest could not be read.
 */
public record StoredPackage(String packageId, String unitId, Long sequence, Instant receivedAt, Status status,
                            List<String> failureReasons) {

    public enum Status { ACCEPTED, REJECTED }

    public StoredPackage {
        failureReasons = List.copyOf(failureReasons);
    }
}
