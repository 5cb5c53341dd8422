package tw.enforce.runtime.rule;

import java.util.List;

/** A tracked person: the point between the feet in image pixels and road metres, oldest first. */
public record PedestrianTrack(long trackId, List<TrajectorySample> trajectory) {
    public PedestrianTrack {
        trajectory = List.copyOf(trajectory);
    }
}
