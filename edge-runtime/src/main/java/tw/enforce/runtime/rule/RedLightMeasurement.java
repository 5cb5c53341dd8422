package tw.enforce.runtime.rule;

import java.time.Instant;

/**
 * What a RED_LIGHT manifest states: the decisive instant (the stop-line crossing), the lamp edge,
 * the time into red, how the vehicle left the junction and when, the amber seen before red and the
 * configured all-red (NaN when unknown), the speed at the line and the grace applied.
 */
public record RedLightMeasurement(Instant eventTime, Instant redOnset, Instant stopLineCrossing, Instant exitLineCrossing,
                                  double timeIntoRedSeconds, String phaseBeforeRed, String movement, double amberSeconds,
                                  double allRedSeconds, double speedKmh, String speedMethod, double graceSeconds) {
}
