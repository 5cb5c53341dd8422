package tw.enforce.sim.scene;

/**
 * Where one actor is at one instant, in site metres. For a vehicle (x, y) is the middle of its
 * front bumper on the road; for a pedestrian, the point between the feet. Heading is degrees
 * clockwise from +y (0 = travelling along the approach, towards the junction). {@code plate} is
 * null for pedestrians. {@code appearance} picks a sprite deterministically.
 */
public record ActorState(String actorId, ActorKind kind, double x, double y, double headingDeg,
                         double widthM, double lengthM, double heightM, String plate, int appearance) {
}
