package tw.enforce.sim.world;

import tw.enforce.runtime.signal.SignalPhase;

/** One lamp of the signal head switching on or off at {@code atSeconds} of simulated time. */
public record LampEdge(double atSeconds, SignalPhase lamp, boolean on) {
}
