package tw.enforce.runtime.rule;

import java.util.List;

/** Everything a NO_STOPPING decision depends on: the track's trajectory and the zones. */
public record NoStoppingInput(long trackId, List<TrajectorySample> trajectory, NoStoppingSettings settings) {
    public NoStoppingInput {
        trajectory = List.copyOf(trajectory);
    }
}
