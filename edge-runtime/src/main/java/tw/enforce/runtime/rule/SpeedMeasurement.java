package tw.enforce.runtime.rule;

import java.time.Instant;

/**
 * What a SPEED manifest states: the instant the front was at the middle of the zone, when it
 * entered and left the zone, the mean speed over it, the limit and margin applied, and the radar
 * reading used for the cross-check (NaN / null when no radar is wired or none was near).
 */
public record SpeedMeasurement(Instant eventTime, Instant zoneEntry, Instant zoneExit, double fromY, double toY,
                               double speedKmh, double limitKmh, double marginKmh, String vehicleClass,
                               double radarSpeedKmh, Instant radarMeasuredAt, String speedMethod) {
}
