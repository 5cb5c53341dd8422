package tw.enforce.sim.world;

import java.util.List;
import tw.enforce.sim.scenario.Actors;
import tw.enforce.sim.scenario.Behaviour;
import tw.enforce.sim.scenario.PedestrianSpec;
import tw.enforce.sim.scenario.RoadSpec;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.SignalSpec;
import tw.enforce.sim.scenario.VehicleKind;
import tw.enforce.sim.scenario.VehicleSpec;

/**
 * Scenarios built in code for tests. The signal is green 0–8 s, amber 8–11 s, red 11–28 s, green
 * from 28 s (green 12, amber 3, all-red 2, red 15, starting 4 s into green); vehicles enter 80 m
 * before the stop line at y = 0, the exit line is at y = 20.
 */
public final class TestScenarios {
    public static final double RED_ONSET = 11.0;
    public static final double NEXT_GREEN = 28.0;

    private TestScenarios() {
    }

    public static SignalSpec signal() {
        return new SignalSpec(12, 3, 2, 15, SignalSpec.Interval.GREEN, 4.0, null);
    }

    public static RoadSpec road(Double entryY) {
        return new RoadSpec(List.of(-3.5, 0.0, 3.5), 0.0, 20.0, new RoadSpec.Crosswalk(1.0, 5.0), entryY, null);
    }

    public static Scenario of(List<VehicleSpec> vehicles) {
        return of(vehicles, List.of(), null);
    }

    public static Scenario of(List<VehicleSpec> vehicles, List<PedestrianSpec> pedestrians, Double entryY) {
        return new Scenario("test", 40.0, null, 1L, null, null, road(entryY), signal(), null,
                new Actors(vehicles, pedestrians));
    }

    public static VehicleSpec car(String id, String plate, String lane, double enterAt, double kmh, Behaviour b) {
        return new VehicleSpec(id, VehicleKind.CAR, plate, lane, enterAt, kmh, b, null);
    }
}
