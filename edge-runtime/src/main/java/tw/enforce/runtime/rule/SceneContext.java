package tw.enforce.runtime.rule;

import java.util.List;
import tw.enforce.runtime.signal.PhaseInterval;

/**
 * What the unit knew around a track besides the track itself, over the track's time span plus a
 * margin: the approach's lamp history, the pedestrians tracked at the same time, the radar
 * readings (empty when no radar is wired). A rule copies the part it uses into its input.
 */
public record SceneContext(List<PhaseInterval> phases, List<PedestrianTrack> pedestrians, List<RadarSample> radar) {
    public SceneContext {
        phases = List.copyOf(phases);
        pedestrians = List.copyOf(pedestrians);
        radar = List.copyOf(radar);
    }
}
