package tw.enforce.runtime.rule;

import java.util.List;

/** Everything a SPEED decision rests on: the trajectory, the vehicle class, the zone settings and the radar readings around it (empty = no radar wired). */
public record SpeedInput(long trackId, String vehicleClass, List<TrajectorySample> trajectory, List<RadarSample> radar,
                         SpeedSettings settings) {
    public SpeedInput {
        trajectory = List.copyOf(trajectory);
        radar = List.copyOf(radar);
    }
}
