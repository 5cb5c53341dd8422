package tw.enforce.sim.score;

import java.time.Instant;

/**
 * A red-light case as the center holds it: when the unit says the stop line was crossed, how far
 * into red, the lane and the plate it read (null when not read).
 */
public record DecidedCase(String packageId, Instant stopLineCrossing, double timeIntoRedSeconds, String lane,
                          String plate) {
}
