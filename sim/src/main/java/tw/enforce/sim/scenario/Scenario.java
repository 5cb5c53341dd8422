package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.Set;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.sim.scene.RoadLayout;
import tw.enforce.sim.scene.SceneSnapshot.Weather;

/**
 * One simulated approach of an intersection: camera, painted road, signal plan, rules and the
 * actors that pass through it. Loaded from YAML by {@link ScenarioLoader}; optional sections get
 * their defaults here, so every consumer sees a complete value.
 */
public record Scenario(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) double durationSeconds,
        Integer fps,
        @JsonProperty(required = true) long seed,
        Weather weather,
        CameraSpec camera,
        @JsonProperty(required = true) RoadSpec road,
        @JsonProperty(required = true) SignalSpec signal,
        RulesSpec rules,
        @JsonProperty(required = true) Actors actors) {

    public static final int DEFAULT_FPS = 15;

    public Scenario {
        Checks.notBlank(name, "name");
        Checks.positive(durationSeconds, "durationSeconds");
        fps = fps == null ? DEFAULT_FPS : fps;
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps must be 1..120, was " + fps);
        }
        weather = weather == null ? Weather.CLEAR : weather;
        camera = camera == null ? CameraSpec.defaults() : camera;
        Checks.notNull(road, "road");
        Checks.notNull(signal, "signal");
        rules = rules == null ? RulesSpec.defaults() : rules;
        Checks.notNull(actors, "actors");
        Set<String> ids = new HashSet<>();
        Set<String> plates = new HashSet<>();
        for (VehicleSpec v : actors.vehicles()) {
            if (!ids.add(v.id())) {
                throw new IllegalArgumentException("actor id '" + v.id() + "' is used twice");
            }
            if (!plates.add(v.plate())) {
                throw new IllegalArgumentException("plate '" + v.plate() + "' is used twice (vehicle '" + v.id() + "')");
            }
            if (!road.hasLane(v.lane())) {
                throw new IllegalArgumentException("vehicle '" + v.id() + "': no lane '" + v.lane()
                        + "'; lanes are " + road.laneIds());
            }
        }
        for (PedestrianSpec p : actors.pedestrians()) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("actor id '" + p.id() + "' is used twice");
            }
        }
    }

    public CameraModel cameraModel() {
        return camera.toModel();
    }

    public RoadLayout roadLayout() {
        return road.toLayout();
    }

    /** Number of frames in the run: frame k is at k / fps seconds, k = 0 .. frameCount-1. */
    public int frameCount() {
        return (int) Math.floor(durationSeconds * fps + 1e-9) + 1;
    }
}
