package tw.enforce.runtime.rule;

/** A crosswalk: the rectangle [xMin, xMax] × [yMin, yMax] in site metres; yMin is the edge approaching traffic meets first. */
public record CrosswalkArea(String id, double yMin, double yMax, double xMin, double xMax) {
    public CrosswalkArea {
        if (!(yMax > yMin) || !(xMax > xMin)) {
            throw new IllegalArgumentException("crosswalk " + id + ": needs yMax > yMin and xMax > xMin");
        }
    }

    /** Whether (x, y) is on the crosswalk shrunk by {@code inset} metres on every side. */
    public boolean holds(double x, double y, double inset) {
        return x >= xMin + inset && x <= xMax - inset && y >= yMin + inset && y <= yMax - inset;
    }
}
