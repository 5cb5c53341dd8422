package tw.enforce.runtime.rule;

import java.time.Instant;
import java.util.List;
import tw.enforce.runtime.config.Movement;

/**
 * A movement the lane does not allow: the front crossed lane {@code lane}'s stop line ({@code
 * stopLineY}) at {@code eventTime} at {@code xAtStopLine}, and the vehicle was then seen making
 * {@code movement} (established at {@code movementSeenAt}, at ({@code xWhenSeen}, {@code
 * yWhenSeen})), which is not among {@code allowed}.
 */
public record TurnMeasurement(Instant eventTime, String lane, Movement movement, List<Movement> allowed, double stopLineY,
                              double xAtStopLine, Instant movementSeenAt, double xWhenSeen, double yWhenSeen) {
    public TurnMeasurement {
        allowed = List.copyOf(allowed);
    }
}
