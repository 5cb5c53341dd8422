package tw.enforce.sim.scenario;

/** Enforcement parameters the scenario shares with the generated site config. */
public record RulesSpec(RedLight redLight) {

    public RulesSpec {
        redLight = redLight == null ? RedLight.defaults() : redLight;
    }

    public static RulesSpec defaults() {
        return new RulesSpec(null);
    }

    /** Crossing the stop line within {@code graceSeconds} of red onset is not a violation. */
    public record RedLight(Double graceSeconds) {
        public static final double DEFAULT_GRACE_SECONDS = 0.3;

        public RedLight {
            graceSeconds = Checks.nonNegative(graceSeconds == null ? DEFAULT_GRACE_SECONDS : graceSeconds,
                    "rules.redLight.graceSeconds");
        }

        public static RedLight defaults() {
            return new RedLight(null);
        }
    }
}
