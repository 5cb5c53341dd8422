package tw.enforce.runtime.evidence.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tw.enforce.runtime.config.PrivacyConfig;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;

/**
 * Decides which rectangles of one overview image to mask, from the detections of that frame. Pure:
 * the face finder's and plate localiser's answers come in as values.
 *
 * <p>Privacy errs towards masking (a missed face or plate cannot be taken back), evidence towards
 * keeping the offender legible: the offender itself is recognised by overlap with its box, and a
 * plate localisation that is doubtful falls back to masking the whole lower part of the vehicle.
 */
public final class MaskPlanner {
    static final double OFFENDER_IOU = 0.6;
    static final double OCCUPANT_OVERLAP = 0.6;
    static final double HEAD_FRACTION = 0.22;
    static final double RIDER_HEAD_FRACTION = 0.25;
    /** Front plates sit low in the box, rear plates (and plates under a tall box's shadow) mid-height. */
    static final double LOWER_PART = 0.65;
    static final double PLATE_MIN_SCORE = 0.5;
    static final double PLATE_PAD = 0.2;
    static final double FACE_PAD = 0.1;
    /** Vehicles narrower than this get their lower part masked without asking the localiser. */
    static final double LOCALISE_MIN_WIDTH_PX = 40;

    private final PrivacyConfig config;

    public MaskPlanner(PrivacyConfig config) {
        this.config = config;
    }

    /** A plate the localiser found, in image pixels, with its score. */
    public record LocatedPlate(BoundingBox box, double score) {
    }

    /**
     * @param offender       the offending vehicle's box in this frame
     * @param detections     everything detected in this frame (the offender's own detection may be among them)
     * @param faces          faces a face finder reported on the whole image (empty without one)
     * @param locatePlates   plates found inside a vehicle box; null when no localiser is installed
     */
    public List<MaskRegion> plan(int width, int height, BoundingBox offender, List<Detection> detections,
                                 List<BoundingBox> faces, Function<BoundingBox, List<LocatedPlate>> locatePlates) {
        List<MaskRegion> out = new ArrayList<>();
        if (config.maskFaces()) {
            for (BoundingBox f : faces) {
                if (config.maskOffenderOccupants() || overlapOf(f, offender) < OCCUPANT_OVERLAP) {
                    add(out, pad(f, FACE_PAD), MaskRegion.Kind.FACE, MaskRegion.Source.FACE_DETECTOR, width, height);
                }
            }
        }
        for (Detection d : detections) {
            BoundingBox b = d.box();
            boolean isOffender = d.objectClass().isVehicle() && b.iou(offender) >= OFFENDER_IOU;
            boolean inOffender = overlapOf(b, offender) >= OCCUPANT_OVERLAP;
            if (config.maskFaces() && (config.maskOffenderOccupants() || !(isOffender || inOffender))) {
                if (d.objectClass() == ObjectClass.PERSON) {
                    add(out, pad(top(b, HEAD_FRACTION), FACE_PAD), MaskRegion.Kind.FACE, MaskRegion.Source.PERSON_HEAD,
                            width, height);
                } else if (d.objectClass() == ObjectClass.MOTORCYCLE || d.objectClass() == ObjectClass.BICYCLE) {
                    add(out, pad(top(b, RIDER_HEAD_FRACTION), FACE_PAD), MaskRegion.Kind.FACE,
                            MaskRegion.Source.RIDER_HEAD, width, height);
                }
            }
            if (config.maskOtherPlates() && carriesPlate(d.objectClass()) && !isOffender) {
                plates(out, b, locatePlates, width, height);
            }
        }
        return out;
    }

    /** The part of the offender's box where its plate is: never masked, whatever overlaps it. */
    public static BoundingBox offenderPlateZone(BoundingBox offender) {
        return new BoundingBox(offender.x1(), offender.y2() - offender.height() * LOWER_PART,
                offender.x2(), offender.y2());
    }

    private static void plates(List<MaskRegion> out, BoundingBox vehicle,
                               Function<BoundingBox, List<LocatedPlate>> locatePlates, int width, int height) {
        if (locatePlates != null && vehicle.width() >= LOCALISE_MIN_WIDTH_PX) {
            double lowerStart = vehicle.y2() - vehicle.height() * LOWER_PART;
            List<LocatedPlate> sure = locatePlates.apply(vehicle).stream()
                    .filter(p -> p.score() >= PLATE_MIN_SCORE && p.box().centerY() >= lowerStart)
                    .toList();
            if (!sure.isEmpty()) {
                for (LocatedPlate p : sure) {
                    add(out, pad(p.box(), PLATE_PAD), MaskRegion.Kind.PLATE, MaskRegion.Source.PLATE_LOCALISER,
                            width, height);
                }
                return;
            }
        }
        BoundingBox lower = new BoundingBox(vehicle.x1(), vehicle.y2() - vehicle.height() * LOWER_PART,
                vehicle.x2(), vehicle.y2());
        add(out, lower, MaskRegion.Kind.PLATE, MaskRegion.Source.VEHICLE_LOWER_PART, width, height);
    }

    private static boolean carriesPlate(ObjectClass c) {
        return c == ObjectClass.CAR || c == ObjectClass.MOTORCYCLE || c == ObjectClass.BUS || c == ObjectClass.TRUCK;
    }

    private static void add(List<MaskRegion> out, BoundingBox b, MaskRegion.Kind kind, MaskRegion.Source source,
                            int width, int height) {
        BoundingBox c = b.clip(width, height);
        if (c.width() >= 1 && c.height() >= 1) {
            out.add(new MaskRegion(c, kind, source));
        }
    }

    /** The share of {@code inner}'s area that lies inside {@code outer}. */
    static double overlapOf(BoundingBox inner, BoundingBox outer) {
        double ix = Math.max(0, Math.min(inner.x2(), outer.x2()) - Math.max(inner.x1(), outer.x1()));
        double iy = Math.max(0, Math.min(inner.y2(), outer.y2()) - Math.max(inner.y1(), outer.y1()));
        return inner.area() <= 0 ? 0 : ix * iy / inner.area();
    }

    private static BoundingBox top(BoundingBox b, double fraction) {
        return new BoundingBox(b.x1(), b.y1(), b.x2(), b.y1() + b.height() * fraction);
    }

    private static BoundingBox pad(BoundingBox b, double fraction) {
        double dx = b.width() * fraction;
        double dy = b.height() * fraction;
        return new BoundingBox(b.x1() - dx, b.y1() - dy, b.x2() + dx, b.y2() + dy);
    }
}
