package tw.enforce.sim.truth;

/**
 * One true offence: which rule, which vehicle, the lane it happened in, the decisive instant
 * (same definition as the rule's {@code measurement.eventTime}), the true speed where the rule
 * measures one (else NaN), the time into red for RED_LIGHT (else NaN), and a word or two of
 * detail (the movement of an illegal turn, the zone, the crosswalk…).
 */
public record Offence(RuleId rule, String vehicleId, String plate, String lane, double eventSeconds, double speedKmh,
                      double timeIntoRedSeconds, String detail) {
}
