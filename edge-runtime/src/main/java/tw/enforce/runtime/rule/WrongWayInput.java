package tw.enforce.runtime.rule;

import java.util.List;

/** Everything a WRONG_WAY decision depends on: the track's trajectory and the lanes. */
public record WrongWayInput(long trackId, List<TrajectorySample> trajectory, WrongWaySettings settings) {
    public WrongWayInput {
        trajectory = List.copyOf(trajectory);
    }
}
