package tw.enforce.runtime.rule;

import java.time.Instant;

/**
 * A crossing of a no-crossing line: when the ground point crossed it ({@code eventTime}), where
 * (site metres, and metres along the line from its {@code from} end), which way ({@code
 * LEFT_TO_RIGHT} looking from {@code from} to {@code to}, or {@code RIGHT_TO_LEFT}), the lanes
 * before and after (null outside any lane) and how far beyond the line the vehicle was seen on
 * each side (the jitter margin it cleared).
 */
public record LineCrossingMeasurement(Instant eventTime, String lineId, String colour, String direction, double crossingX,
                                      double crossingY, double alongM, String laneBefore, String laneAfter,
                                      double maxDistanceBeforeM, double maxDistanceAfterM) {
}
