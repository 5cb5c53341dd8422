package tw.enforce.sim.scenario;

import java.util.List;

/** Who passes through the scene; either list may be omitted. */
public record Actors(List<VehicleSpec> vehicles, List<PedestrianSpec> pedestrians) {
    public Actors {
        vehicles = vehicles == null ? List.of() : List.copyOf(vehicles);
        pedestrians = pedestrians == null ? List.of() : List.copyOf(pedestrians);
    }
}
