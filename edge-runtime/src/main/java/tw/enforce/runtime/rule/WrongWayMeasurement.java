package tw.enforce.runtime.rule;

import java.time.Instant;
import tw.enforce.runtime.config.Travel;

/**
 * Wrong-way driving: in lane {@code lane} (lawful travel {@code travel}) the vehicle started moving
 * against it at {@code startedAt} from ({@code startX}, {@code startY}) and had covered {@code
 * minDistanceM} against it at {@code eventTime}, at ({@code eventX}, {@code eventY}), moving
 * against the lane at {@code speedKmhAgainst}.
 */
public record WrongWayMeasurement(Instant eventTime, String lane, Travel travel, Instant startedAt, double startX,
                                  double startY, double eventX, double eventY, double minDistanceM,
                                  double speedKmhAgainst) {
}
