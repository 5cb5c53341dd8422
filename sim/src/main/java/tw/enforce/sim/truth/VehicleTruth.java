package tw.enforce.sim.truth;

import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.Behaviour;
import tw.enforce.sim.scene.ActorKind;

/**
 * What one vehicle really did, in simulated seconds. Crossing times are of the front bumper and
 * NaN when it did not happen within the run; {@code phaseAtStopLine} is null then.
 * {@code redOnsetSeconds}/{@code timeIntoRedSeconds} are NaN unless the stop line was crossed on red.
 * A red-light violator crossed the stop line more than the grace after red onset and then left the
 * junction (exit line, a side of the junction box, or back as a U-turn) by a movement not exempt
 * in its lane ({@code movement} says which: STRAIGHT, LEFT, RIGHT, U_TURN; null when it did not
 * cross on red). {@code lane} is the lane at the stop line for a red crossing, else the scenario lane.
 */
public record VehicleTruth(String vehicleId, ActorKind kind, String plate, String lane, Behaviour behaviour,
                           double stopLineSeconds, SignalPhase phaseAtStopLine, double redOnsetSeconds,
                           double timeIntoRedSeconds, double exitLineSeconds, boolean redLightViolator,
                           double speedAtStopLineKmh, String movement) {

    public VehicleTruth(String vehicleId, ActorKind kind, String plate, String lane, Behaviour behaviour,
                        double stopLineSeconds, SignalPhase phaseAtStopLine, double redOnsetSeconds,
                        double timeIntoRedSeconds, double exitLineSeconds, boolean redLightViolator) {
        this(vehicleId, kind, plate, lane, behaviour, stopLineSeconds, phaseAtStopLine, redOnsetSeconds,
                timeIntoRedSeconds, exitLineSeconds, redLightViolator, Double.NaN, null);
    }

    public boolean crossedStopLine() {
        return !Double.isNaN(stopLineSeconds);
    }

    public boolean crossedExitLine() {
        return !Double.isNaN(exitLineSeconds);
    }
}
