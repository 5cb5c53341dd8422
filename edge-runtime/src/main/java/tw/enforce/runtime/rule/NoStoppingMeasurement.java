package tw.enforce.runtime.rule;

import java.time.Instant;
import tw.enforce.runtime.config.ZoneKind;

/**
 * Standing in a no-stopping zone: the vehicle came to a stand in zone {@code zoneId} at {@code
 * eventTime} (or was already standing when first seen: {@code standingWhenFirstSeen}, then that is
 * the first sighting), stood there without interruption until at least {@code limitReachedAt}
 * ({@code maxDwellSeconds} later) and was seen standing {@code observedDwellSeconds} in all, at the
 * median position ({@code x}, {@code y}), never faster than {@code maxSpeedKmh} meanwhile.
 */
public record NoStoppingMeasurement(Instant eventTime, String zoneId, ZoneKind kind, double maxDwellSeconds,
                                    Instant limitReachedAt, double observedDwellSeconds, boolean standingWhenFirstSeen,
                                    double x, double y, double maxSpeedKmh) {
}
