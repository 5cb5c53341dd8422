package tw.enforce.runtime.rule;

import java.util.List;

/** Everything a YIELD decision depends on: the vehicle's trajectory, the pedestrians seen near the crosswalks meanwhile, the settings. */
public record YieldInput(long trackId, List<TrajectorySample> trajectory, List<PedestrianTrack> pedestrians,
                         YieldSettings settings) {
    public YieldInput {
        trajectory = List.copyOf(trajectory);
        pedestrians = List.copyOf(pedestrians);
    }
}
