package tw.enforce.camera.health;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A camera's health at {@code checkedAt}: the faults raised, each with the time its condition began
 * (the moment from which evidence of this camera is doubtful), and the time of the last frame seen
 * (null before the first). A rule that depends on the camera is suspended while {@link #healthy()}
 * is false, and for any moment at or after the earliest fault's start.
 */
public record CameraHealth(String cameraId, Map<HealthFault, Instant> faults, Instant lastFrameAt, Instant checkedAt) {

    public CameraHealth {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(checkedAt, "checkedAt");
        faults = faults.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(faults));
    }

    public boolean healthy() {
        return faults.isEmpty();
    }

    public boolean has(HealthFault fault) {
        return faults.containsKey(fault);
    }

    public Set<HealthFault> faultSet() {
        return faults.keySet();
    }

    /** When the earliest current fault's condition began. */
    public Optional<Instant> faultySince() {
        return faults.values().stream().min(Instant::compareTo);
    }

    @Override
    public String toString() {
        return "CameraHealth[" + cameraId + (healthy() ? " ok" : " " + faults) + " @" + checkedAt + "]";
    }
}
