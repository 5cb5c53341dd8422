package tw.enforce.sim.score;

import java.time.Instant;

/** A red-light case as the center holds it: when the unit says the stop line was crossed, and how far into red. */
public record DecidedCase(String packageId, Instant stopLineCrossing, double timeIntoRedSeconds, String lane) {
}
