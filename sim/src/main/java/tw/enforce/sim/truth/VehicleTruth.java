package tw.enforce.sim.truth;

import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.Behaviour;
import tw.enforce.sim.scene.ActorKind;

/**
 * What one vehicle really did, in simulated seconds. Crossing times are of the front bumper and
 * NaN when it did not happen within the run; {@code phaseAtStopLine} is null then.
 * {@code redOnsetSeconds}/{@code timeIntoRedSeconds} are NaN unless the stop line was crossed on red.
 * A red-light violator crossed the stop line more than the grace after red onset and later crossed
 * the exit line.
 */
public record VehicleTruth(String vehicleId, ActorKind kind, String plate, String lane, Behaviour behaviour,
                           double stopLineSeconds, SignalPhase phaseAtStopLine, double redOnsetSeconds,
                           double timeIntoRedSeconds, double exitLineSeconds, boolean redLightViolator) {

    public boolean crossedStopLine() {
        return !Double.isNaN(stopLineSeconds);
    }

    public boolean crossedExitLine() {
        return !Double.isNaN(exitLineSeconds);
    }
}
