package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The controller's fixed-time plan as this approach sees it: green, amber, then the red lamp for
 * {@code allRedSeconds + redSeconds} (the all-red clearance and the cross street's time show the
 * same red lamp here), then green again. At t = 0 the plan is {@code offsetSeconds} into
 * {@code startPhase}.
 */
public record SignalSpec(@JsonProperty(required = true) double greenSeconds,
                         @JsonProperty(required = true) double amberSeconds,
                         @JsonProperty(required = true) double allRedSeconds,
                         @JsonProperty(required = true) double redSeconds,
                         @JsonProperty(required = true) Interval startPhase,
                         Double offsetSeconds,
                         Pins pins) {

    /** The plan's intervals in cycle order. */
    public enum Interval {
        GREEN, AMBER,
        @JsonProperty("allRed") @JsonAlias({"ALL_RED", "all_red", "all-red"}) ALL_RED,
        RED
    }

    public SignalSpec {
        Checks.positive(greenSeconds, "signal.greenSeconds");
        Checks.positive(amberSeconds, "signal.amberSeconds");
        Checks.nonNegative(allRedSeconds, "signal.allRedSeconds");
        Checks.nonNegative(redSeconds, "signal.redSeconds");
        if (!(allRedSeconds + redSeconds > 0)) {
            throw new IllegalArgumentException("signal.allRedSeconds + signal.redSeconds must be > 0");
        }
        Checks.notNull(startPhase, "signal.startPhase");
        offsetSeconds = offsetSeconds == null ? 0.0 : offsetSeconds;
        double len = durationOf(startPhase, greenSeconds, amberSeconds, allRedSeconds, redSeconds);
        if (len == 0) {
            throw new IllegalArgumentException("signal.startPhase " + startPhase + " lasts 0 s in this plan: start in another phase");
        }
        if (!(offsetSeconds >= 0 && offsetSeconds < len)) {
            throw new IllegalArgumentException("signal.offsetSeconds must be in [0, " + len + ") for startPhase "
                    + startPhase + ", was " + offsetSeconds);
        }
        pins = pins == null ? Pins.defaults() : pins;
    }

    public double cycleSeconds() {
        return greenSeconds + amberSeconds + allRedSeconds + redSeconds;
    }

    public double durationOf(Interval interval) {
        return durationOf(interval, greenSeconds, amberSeconds, allRedSeconds, redSeconds);
    }

    private static double durationOf(Interval i, double g, double a, double ar, double r) {
        return switch (i) {
            case GREEN -> g;
            case AMBER -> a;
            case ALL_RED -> ar;
            case RED -> r;
        };
    }

    /** BCM GPIO inputs the controller's red, amber and green lamp outputs are wired to. */
    public record Pins(Integer red, Integer amber, Integer green) {
        public Pins {
            red = red == null ? 17 : red;
            amber = amber == null ? 27 : amber;
            green = green == null ? 22 : green;
            if (red.equals(amber) || red.equals(green) || amber.equals(green)) {
                throw new IllegalArgumentException("signal.pins must be three different pins, were " + red + "/" + amber + "/" + green);
            }
            for (int p : new int[] {red, amber, green}) {
                if (p < 0 || p > 63) {
                    throw new IllegalArgumentException("signal.pins: GPIO pin must be 0..63, was " + p);
                }
            }
        }

        public static Pins defaults() {
            return new Pins(null, null, null);
        }

        /** The pin wired to one lamp (GREEN, AMBER or RED). */
        public int pinFor(tw.enforce.runtime.signal.SignalPhase lamp) {
            return switch (lamp) {
                case RED -> red;
                case AMBER -> amber;
                case GREEN -> green;
                default -> throw new IllegalArgumentException("no lamp for phase " + lamp);
            };
        }
    }
}
