package tw.enforce.runtime.plate;

/**
 * One character a recogniser read, with its probability and where it was read.
 *
 * @param ch          upper-case letter or digit
 * @param probability the recogniser's probability for it, in [0,1]
 * @param x1          left edge of the columns it was read from, in the crop's pixels; NaN when the
 *                    recogniser does not locate characters (fixed-slot models)
 * @param x2          right edge, as {@code x1}
 */
public record PlateChar(char ch, double probability, double x1, double x2) {

    public static PlateChar unlocated(char ch, double probability) {
        return new PlateChar(ch, probability, Double.NaN, Double.NaN);
    }

    public boolean located() {
        return !Double.isNaN(x1);
    }

    public double centre() {
        return (x1 + x2) / 2;
    }

    PlateChar shifted(double dx) {
        return new PlateChar(ch, probability, x1 + dx, x2 + dx);
    }
}
