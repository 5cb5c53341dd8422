package tw.enforce.runtime.rule;

import java.util.List;
import tw.enforce.runtime.config.ZoneKind;
import tw.enforce.runtime.geometry.WorldPoint;

/** A no-stopping zone: a simple polygon in site metres, why it is one, and how long a vehicle may stand in it. */
public record StoppingZone(String id, ZoneKind kind, double maxDwellSeconds, List<WorldPoint> polygon) {
    public StoppingZone {
        polygon = List.copyOf(polygon);
        if (polygon.size() < 3) {
            throw new IllegalArgumentException("zone " + id + ": polygon needs at least 3 points");
        }
        if (!(maxDwellSeconds > 0)) {
            throw new IllegalArgumentException("zone " + id + ": maxDwellSeconds must be > 0, got " + maxDwellSeconds);
        }
    }

    /** Even-odd point-in-polygon test. */
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            WorldPoint a = polygon.get(i);
            WorldPoint b = polygon.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Distance from (x, y) to the polygon's outline, metres. */
    public double distanceToEdge(double x, double y) {
        double best = Double.MAX_VALUE;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            WorldPoint a = polygon.get(j);
            WorldPoint b = polygon.get(i);
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double len2 = dx * dx + dy * dy;
            double f = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x()) * dx + (y - a.y()) * dy) / len2));
            best = Math.min(best, Math.hypot(x - (a.x() + f * dx), y - (a.y() + f * dy)));
        }
        return best;
    }

    /** Inside, or outside by at most {@code tolerance} metres. */
    boolean holdsWithin(double x, double y, double tolerance) {
        return contains(x, y) || distanceToEdge(x, y) <= tolerance;
    }
}
