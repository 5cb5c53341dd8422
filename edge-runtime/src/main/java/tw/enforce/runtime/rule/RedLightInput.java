package tw.enforce.runtime.rule;

import java.util.List;
import tw.enforce.runtime.signal.PhaseInterval;

/**
 * Everything the red-light decision depends on, and nothing else: stored verbatim in the evidence
 * manifest so that the center (or `edgectl evidence replay`) reaches the same decision.
 */
public record RedLightInput(long trackId, List<TrajectorySample> trajectory, List<PhaseInterval> phases,
                            RedLightSettings settings) {
    public RedLightInput {
        trajectory = List.copyOf(trajectory);
        phases = List.copyOf(phases);
    }
}
