package tw.enforce.runtime.diag;

import java.time.Instant;
import java.util.Map;
import tw.enforce.runtime.hardware.HardwareStatus;

/** What `edgectl status` shows: one snapshot of a running unit. */
public record StatusReport(String unitId, String siteId, String state, Instant startedAt, Instant now,
                           String detector, String signalPhase, Instant signalPhaseSince,
                           long frames, long corruptFrames, long detections, long detectorErrors,
                           long violations, long evidenceStored, long casesWithoutFrames, long storeFailures,
                           int ringFrames, long ringBytes, Map<String, Long> outbox, HardwareStatus hardware) {
}
