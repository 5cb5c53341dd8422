package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tw.enforce.sim.scenario.PedestrianSpec.Point;

/** The painted and surveyed areas beyond the lanes: junction box, crosswalks, no-stopping zones, double lines. */
public final class Markings {
    private Markings() {
    }

    /** Lateral edges of the junction box; a turning vehicle has left the junction when its front passes one. */
    public record Junction(@JsonProperty(required = true) double xMin, @JsonProperty(required = true) double xMax) {
        public Junction {
            Checks.finite(xMin, "road.junction.xMin");
            Checks.finite(xMax, "road.junction.xMax");
            if (!(xMax > xMin)) {
                throw new IllegalArgumentException("road.junction.xMax (" + xMax + ") must be greater than xMin (" + xMin + ")");
            }
        }
    }

    /** A zebra crossing: the rectangle a pedestrian is "on the crosswalk" in. */
    public record CrosswalkArea(@JsonProperty(required = true) String id,
                                @JsonProperty(required = true) double yMin, @JsonProperty(required = true) double yMax,
                                @JsonProperty(required = true) double xMin, @JsonProperty(required = true) double xMax) {
        public CrosswalkArea {
            Checks.notBlank(id, "crosswalk id");
            if (!(yMax > yMin) || !(xMax > xMin)) {
                throw new IllegalArgumentException("crosswalk " + id + ": need yMax > yMin and xMax > xMin");
            }
        }

        public boolean contains(double x, double y) {
            return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
        }
    }

    public enum ZoneKind {
        @JsonProperty("redZone") RED_ZONE("redZone"),
        @JsonProperty("crosswalk") CROSSWALK("crosswalk"),
        @JsonProperty("doubleParking") DOUBLE_PARKING("doubleParking"),
        @JsonProperty("busStop") BUS_STOP("busStop");

        private final String yamlName;

        ZoneKind(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** Stopping inside the polygon (site metres, ≥ 3 corners, no self-crossing expected) for maxDwellSeconds is an offence. */
    public record NoStoppingZone(@JsonProperty(required = true) String id,
                                 ZoneKind kind,
                                 @JsonProperty(required = true) double maxDwellSeconds,
                                 @JsonProperty(required = true) List<Point> polygon) {
        public NoStoppingZone {
            Checks.notBlank(id, "noStoppingZones id");
            kind = kind == null ? ZoneKind.RED_ZONE : kind;
            Checks.positive(maxDwellSeconds, "zone " + id + ": maxDwellSeconds");
            if (polygon == null || polygon.size() < 3) {
                throw new IllegalArgumentException("zone " + id + ": polygon needs at least 3 corners");
            }
            polygon = List.copyOf(polygon);
        }

        /** Even-odd ray test; a point on the boundary may fall either way. */
        public boolean contains(double x, double y) {
            boolean in = false;
            for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
                Point a = polygon.get(i);
                Point b = polygon.get(j);
                if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                    in = !in;
                }
            }
            return in;
        }
    }

    /** A double (no-crossing) line painted from {@code from} to {@code to}. */
    public record DoubleLine(@JsonProperty(required = true) String id, String colour,
                             @JsonProperty(required = true) Point from, @JsonProperty(required = true) Point to) {
        public DoubleLine {
            Checks.notBlank(id, "doubleLines id");
            colour = colour == null ? "yellow" : colour;
            if (!colour.equals("yellow") && !colour.equals("white")) {
                throw new IllegalArgumentException("double line " + id + ": colour must be yellow or white, was " + colour);
            }
            Checks.notNull(from, "double line " + id + ": from");
            Checks.notNull(to, "double line " + id + ": to");
            if (Math.hypot(to.x() - from.x(), to.y() - from.y()) < 0.5) {
                throw new IllegalArgumentException("double line " + id + ": from and to must be at least 0.5 m apart");
            }
        }

        /** Which side of the line a point is on: the sign of the cross product (0 on the line's extension). */
        public double side(double x, double y) {
            return (to.x() - from.x()) * (y - from.y()) - (to.y() - from.y()) * (x - from.x());
        }

        /** Position of the foot of the perpendicular from (x, y) along the segment: 0 at from, 1 at to. */
        public double along(double x, double y) {
            double dx = to.x() - from.x();
            double dy = to.y() - from.y();
            return ((x - from.x()) * dx + (y - from.y()) * dy) / (dx * dx + dy * dy);
        }
    }
}
