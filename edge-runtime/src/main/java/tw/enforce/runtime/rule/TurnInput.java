package tw.enforce.runtime.rule;

import java.util.List;

/** Everything an ILLEGAL_TURN decision depends on: the track's trajectory and the junction's settings. */
public record TurnInput(long trackId, List<TrajectorySample> trajectory, TurnSettings settings) {
    public TurnInput {
        trajectory = List.copyOf(trajectory);
    }
}
