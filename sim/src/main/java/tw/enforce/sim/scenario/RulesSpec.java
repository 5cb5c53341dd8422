package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Enforcement parameters the scenario shares with the generated site config. {@code redLight} is
 * always on (grace 0.3 s by default); every other rule is enabled by its section being present,
 * with the same keys and defaults as the runtime's site.yaml. The ground truth is computed for the
 * enabled rules only.
 */
public record RulesSpec(RedLight redLight, Speed speed, Yield yield, LineCrossing lineCrossing, Turn turn,
                        WrongWay wrongWay, RestrictedClass restrictedClass, NoStopping noStopping) {

    public RulesSpec {
        redLight = redLight == null ? RedLight.defaults() : redLight;
    }

    public RulesSpec(RedLight redLight) {
        this(redLight, null, null, null, null, null, null, null);
    }

    public static RulesSpec defaults() {
        return new RulesSpec((RedLight) null);
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

    /** Spot speed: mean over [fromY, toY] above the lane's limit plus the margin. */
    public record Speed(@JsonProperty(required = true) double fromY, @JsonProperty(required = true) double toY,
                        Double marginKmh, Double radarToleranceKmh) {
        public Speed {
            Checks.finite(fromY, "rules.speed.fromY");
            if (!(toY > fromY)) {
                throw new IllegalArgumentException("rules.speed.toY (" + toY + ") must be beyond fromY (" + fromY + ")");
            }
            marginKmh = Checks.nonNegative(marginKmh == null ? 0.0 : marginKmh, "rules.speed.marginKmh");
            radarToleranceKmh = Checks.positive(radarToleranceKmh == null ? 3.0 : radarToleranceKmh, "rules.speed.radarToleranceKmh");
        }

        public double middleY() {
            return (fromY + toY) / 2;
        }
    }

    public record Yield(Double conflictDistanceM) {
        public Yield {
            conflictDistanceM = Checks.positive(conflictDistanceM == null ? 3.0 : conflictDistanceM, "rules.yield.conflictDistanceM");
        }
    }

    public record LineCrossing() {
    }

    public record Turn() {
    }

    public record WrongWay(Double minDistanceM) {
        public WrongWay {
            minDistanceM = Checks.positive(minDistanceM == null ? 8.0 : minDistanceM, "rules.wrongWay.minDistanceM");
        }
    }

    /** {@code checkY} null means the stop line. */
    public record RestrictedClass(Double checkY, Double minClassAgreement) {
        public RestrictedClass {
            if (checkY != null) {
                Checks.finite(checkY, "rules.restrictedClass.checkY");
            }
            minClassAgreement = minClassAgreement == null ? 0.8 : minClassAgreement;
            if (!(minClassAgreement > 0 && minClassAgreement <= 1)) {
                throw new IllegalArgumentException("rules.restrictedClass.minClassAgreement must be in (0, 1], was " + minClassAgreement);
            }
        }
    }

    public record NoStopping(Double standingKmh) {
        public NoStopping {
            standingKmh = Checks.positive(standingKmh == null ? 3.0 : standingKmh, "rules.noStopping.standingKmh");
        }
    }
}
