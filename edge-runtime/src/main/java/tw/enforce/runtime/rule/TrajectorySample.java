package tw.enforce.runtime.rule;

import java.time.Instant;

/**
 * One observation of a tracked vehicle as the rules see it: frame, capture time, the ground point
 * in the image (bottom-centre of the box) and on the road, and whether the box touched the image
 * border (then the ground point is not the vehicle's and rules must not use it).
 */
public record TrajectorySample(long frame, Instant at, double u, double v, double x, double y, boolean truncated) {
}
