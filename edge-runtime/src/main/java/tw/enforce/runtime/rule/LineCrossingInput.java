package tw.enforce.runtime.rule;

import java.util.List;

/** Everything a LINE_CROSSING decision depends on: the track's trajectory and the painted lines. */
public record LineCrossingInput(long trackId, List<TrajectorySample> trajectory, LineCrossingSettings settings) {
    public LineCrossingInput {
        trajectory = List.copyOf(trajectory);
    }
}
