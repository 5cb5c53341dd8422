package tw.enforce.runtime.geometry;

/** A point in image pixels. */
public record ImagePoint(double u, double v) {
}
