package tw.enforce.sim.sprite;

public enum SpriteKind {
    VEHICLE, PEDESTRIAN
}
