package tw.enforce.runtime.geometry;

/** A point on the road surface in site metres (x to the right of travel, y along travel). */
public record WorldPoint(double x, double y) {
    public double distanceTo(WorldPoint o) {
        return Math.hypot(x - o.x, y - o.y);
    }
}
