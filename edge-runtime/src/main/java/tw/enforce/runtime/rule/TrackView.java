package tw.enforce.runtime.rule;

import java.util.List;
import java.util.Map;

/**
 * One vehicle track as the rules see it: its id, the class the detector gave it most often (with
 * the share of observations that agreed, so a rule on vehicle class can demand a stable class),
 * and its trajectory in image pixels and road metres, oldest first.
 */
public record TrackView(long trackId, String vehicleClass, double classAgreement, Map<String, Integer> classVotes,
                        List<TrajectorySample> trajectory) {
    public TrackView {
        classVotes = classVotes == null ? Map.of() : Map.copyOf(classVotes);
        trajectory = List.copyOf(trajectory);
    }
}
