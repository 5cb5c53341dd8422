package tw.enforce.sim.sprite;

public enum SpriteKind {
    VEHICLE, MOTORCYCLE, PEDESTRIAN
}
