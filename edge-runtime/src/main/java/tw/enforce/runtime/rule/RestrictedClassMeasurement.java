package tw.enforce.runtime.rule;

import java.time.Instant;
import java.util.List;
import tw.enforce.runtime.detect.ObjectClass;

/**
 * A banned class in a lane: the front crossed {@code checkY} in lane {@code lane} at {@code eventTime}
 * (at {@code xAtCheck}); the track was {@code vehicleClass} in {@code classAgreement} of its
 * {@code classObservations} detections, and the lane bans {@code bannedClasses}.
 */
public record RestrictedClassMeasurement(Instant eventTime, String lane, ObjectClass vehicleClass, double classAgreement,
                                         int classObservations, List<ObjectClass> bannedClasses, double checkY,
                                         double xAtCheck) {
    public RestrictedClassMeasurement {
        bannedClasses = List.copyOf(bannedClasses);
    }
}
