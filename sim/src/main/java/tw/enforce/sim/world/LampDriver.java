package tw.enforce.sim.world;

import tw.enforce.runtime.signal.SignalPhase;

/**
 * Where the simulated controller's lamp outputs go: in the demo, the mock GPIO input pins the unit
 * listens to. Failure contract: an exception from {@link #set} propagates out of
 * {@link SignalDriver#advanceTo}; lamps and clock are then in an undefined state and the run must
 * be abandoned (a simulation with a missing lamp edge would score wrongly).
 */
public interface LampDriver {

    /** Switches one lamp (GREEN, AMBER or RED) on or off. */
    void set(SignalPhase lamp, boolean on);
}
