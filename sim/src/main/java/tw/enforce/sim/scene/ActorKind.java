package tw.enforce.sim.scene;

public enum ActorKind {
    CAR, MOTORCYCLE, BUS, TRUCK, PEDESTRIAN
}
