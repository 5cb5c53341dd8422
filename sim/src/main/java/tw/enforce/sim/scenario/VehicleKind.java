package tw.enforce.sim.scenario;

import tw.enforce.sim.scene.ActorKind;

/** The vehicle classes a scenario can contain, with the body size the simulator gives them. */
public enum VehicleKind {
    CAR(ActorKind.CAR, 1.8, 4.5, 1.5),
    MOTORCYCLE(ActorKind.MOTORCYCLE, 0.8, 2.0, 1.5),
    BUS(ActorKind.BUS, 2.5, 12.0, 3.2),
    TRUCK(ActorKind.TRUCK, 2.5, 9.0, 3.5);

    private final ActorKind actorKind;
    private final double widthM;
    private final double lengthM;
    private final double heightM;

    VehicleKind(ActorKind actorKind, double widthM, double lengthM, double heightM) {
        this.actorKind = actorKind;
        this.widthM = widthM;
        this.lengthM = lengthM;
        this.heightM = heightM;
    }

    public ActorKind actorKind() {
        return actorKind;
    }

    public double widthM() {
        return widthM;
    }

    public double lengthM() {
        return lengthM;
    }

    public double heightM() {
        return heightM;
    }
}
