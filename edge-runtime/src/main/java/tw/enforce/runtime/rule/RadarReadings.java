package tw.enforce.runtime.rule;

import java.time.Instant;
import java.util.List;

/**
 * The radar readings a unit holds, for {@link SceneContext#radar()}: those measured within
 * [{@code from}, {@code to}], oldest first; empty when no radar is wired or it read nothing then.
 */
@FunctionalInterface
public interface RadarReadings {

    RadarReadings NONE = (from, to) -> List.of();

    List<RadarSample> between(Instant from, Instant to);
}
