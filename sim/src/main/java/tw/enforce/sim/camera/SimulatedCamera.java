package tw.enforce.sim.camera;

import java.util.Optional;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameImages;
import tw.enforce.camera.FrameSource;
import tw.enforce.sim.scene.SceneRenderer;
import tw.enforce.sim.world.SignalDriver;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.World;

/**
 * The simulated intersection as the unit's camera: frame k is the world at k/fps. Before each frame
 * the signal driver replays every lamp edge due since the last one, with the shared clock set to the
 * edge's exact time, exactly as a controller would switch the lamps between two exposures.
 */
public final class SimulatedCamera implements FrameSource {
    private final String cameraId;
    private final World world;
    private final SignalDriver signal;
    private final SimClock clock;
    private final SceneRenderer renderer;
    private final int frames;
    private long next;

    public SimulatedCamera(String cameraId, World world, SignalDriver signal, SimClock clock, SceneRenderer renderer) {
        this.cameraId = cameraId;
        this.world = world;
        this.signal = signal;
        this.clock = clock;
        this.renderer = renderer;
        this.frames = world.scenario().frameCount();
    }

    @Override
    public Optional<Frame> next() {
        if (next >= frames) {
            return Optional.empty();
        }
        double t = world.frameSeconds(next);
        signal.advanceTo(t);
        Frame f = FrameImages.toFrame(renderer.render(world.snapshot(t)), cameraId, next, clock.instant());
        next++;
        return Optional.of(f);
    }

    @Override
    public String cameraId() {
        return cameraId;
    }

    public int frameCount() {
        return frames;
    }

    @Override
    public void close() {
        next = frames;
    }
}
