package tw.enforce.sim.scene;

import java.time.Instant;
import java.util.List;
import tw.enforce.runtime.signal.SignalPhase;

/** Everything the renderer and the ground-truth detector need to draw one instant. */
public record SceneSnapshot(Instant at, List<ActorState> actors, SignalPhase phase, Weather weather) {

    public enum Weather {
        CLEAR, RAIN, NIGHT
    }
}
