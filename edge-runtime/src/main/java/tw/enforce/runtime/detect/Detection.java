package tw.enforce.runtime.detect;

/** One object found in one frame. */
public record Detection(BoundingBox box, ObjectClass objectClass, double score) {
}
