package tw.enforce.runtime.evidence.privacy;

import tw.enforce.runtime.detect.BoundingBox;

/** One rectangle of an overview image that was made unrecognisable, and why. */
public record MaskRegion(BoundingBox box, Kind kind, Source source) {

    public enum Kind { FACE, PLATE }

    /** How the region was found: a detector on the image, or a fixed part of an object's box. */
    public enum Source { FACE_DETECTOR, PERSON_HEAD, RIDER_HEAD, PLATE_LOCALISER, VEHICLE_LOWER_PART }
}
