package tw.enforce.runtime.rule;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a RESTRICTED_CLASS decision depends on: the track's class, the share of its detections
 * that agreed and the votes per class (sorted, so the manifest reads the same every time), its
 * trajectory, and the settings.
 */
public record RestrictedClassInput(long trackId, String vehicleClass, double classAgreement,
                                   Map<String, Integer> classVotes, List<TrajectorySample> trajectory,
                                   RestrictedClassSettings settings) {
    public RestrictedClassInput {
        classVotes = classVotes == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(classVotes));
        trajectory = List.copyOf(trajectory);
    }

    public int totalVotes() {
        return classVotes.values().stream().mapToInt(Integer::intValue).sum();
    }
}
