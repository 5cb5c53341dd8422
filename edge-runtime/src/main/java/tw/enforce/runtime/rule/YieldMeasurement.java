package tw.enforce.runtime.rule;

import java.time.Instant;

/**
 * A failure to yield: the front entered crosswalk {@code crosswalkId} at {@code eventTime}; while
 * it was on the crosswalk, pedestrian track {@code pedestrianTrackId} was on it within {@code
 * conflictDistanceM} laterally on {@code conflictObservations} observations, the first at {@code
 * firstConflictAt} (positions then, site metres), the closest {@code minLateralDistanceM} apart.
 */
public record YieldMeasurement(Instant eventTime, String crosswalkId, long pedestrianTrackId, Instant firstConflictAt,
                               int conflictObservations, double minLateralDistanceM, double conflictDistanceM,
                               double vehicleX, double vehicleY, double pedestrianX, double pedestrianY) {
}
