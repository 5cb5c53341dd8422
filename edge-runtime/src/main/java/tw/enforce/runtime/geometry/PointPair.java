package tw.enforce.runtime.geometry;

/** A surveyed correspondence: where a marked road point appears in the image, and where it is. */
public record PointPair(ImagePoint image, WorldPoint world) {
}
