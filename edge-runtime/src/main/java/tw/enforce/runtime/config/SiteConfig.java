package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.PointPair;
import tw.enforce.runtime.geometry.WorldPoint;

/**
 * One approach of one intersection as surveyed: who the unit is, the camera, the calibration that
 * maps image pixels to road metres, the painted lines, the signal wiring and the rule settings.
 * Loaded once by {@link SiteConfigLoader}; every value is checked here, so a constructed config is
 * a valid one. Traffic on the approach travels towards +y.
 */
public record SiteConfig(@JsonProperty(required = true) Unit unit,
                         @JsonProperty(required = true) Camera camera,
                         @JsonProperty(required = true) Calibration calibration,
                         @JsonProperty(required = true) Approach approach,
                         @JsonProperty(required = true) Signal signal,
                         @JsonProperty(required = true) Rules rules,
                         Evidence evidence, Hardware hardware) {

    public SiteConfig {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(approach, "approach");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(rules, "rules");
        evidence = evidence == null ? Evidence.DEFAULTS : evidence;
        hardware = hardware == null ? Hardware.DEFAULTS : hardware;
        for (CalibrationPoint p : calibration.points()) {
            if (p.u() < 0 || p.v() < 0 || p.u() > camera.width() || p.v() > camera.height()) {
                throw new IllegalArgumentException("calibration point (" + p.u() + ", " + p.v()
                        + ") lies outside the " + camera.width() + "x" + camera.height() + " image");
            }
        }
    }

    public record Unit(@JsonProperty(required = true) String id, @JsonProperty(required = true) String site) {
        public Unit {
            requireId("unit.id", id);
            requireId("unit.site", site);
        }
    }

    /**
     * The camera: id, the resolution the calibration was surveyed at, and (optional) the capture
     * source — a V4L2 index or /dev/videoN, an rtsp:// or http:// URL, or a video file.
     */
    public record Camera(@JsonProperty(required = true) String id,
                         @JsonProperty(required = true) int width,
                         @JsonProperty(required = true) int height,
                         String source) {
        public Camera {
            requireId("camera.id", id);
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("camera.width and camera.height must be positive pixels, got "
                        + width + "x" + height);
            }
        }
    }

    public record Calibration(@JsonProperty(required = true) String id,
                              @JsonProperty(required = true) LocalDate validUntil,
                              @JsonProperty(required = true) List<CalibrationPoint> points) {
        public Calibration {
            requireId("calibration.id", id);
            Objects.requireNonNull(validUntil, "calibration.validUntil");
            if (points == null || points.size() < 4) {
                throw new IllegalArgumentException("calibration.points needs at least 4 surveyed points, got "
                        + (points == null ? 0 : points.size()));
            }
            points = List.copyOf(points);
        }

        public List<PointPair> pairs() {
            return points.stream()
                    .map(p -> new PointPair(new ImagePoint(p.u(), p.v()), new WorldPoint(p.x(), p.y())))
                    .toList();
        }
    }

    public record CalibrationPoint(@JsonProperty(required = true) double u, @JsonProperty(required = true) double v,
                                   @JsonProperty(required = true) double x, @JsonProperty(required = true) double y) {
    }

    public record Approach(@JsonProperty(required = true) String name,
                           @JsonProperty(required = true) double stopLineY,
                           @JsonProperty(required = true) double exitLineY,
                           List<Lane> lanes) {
        public Approach {
            requireId("approach.name", name);
            if (exitLineY <= stopLineY) {
                throw new IllegalArgumentException("approach.exitLineY (" + exitLineY
                        + ") must lie beyond approach.stopLineY (" + stopLineY + ") in the direction of travel");
            }
            lanes = lanes == null ? List.of() : List.copyOf(lanes);
        }

        /** The lane whose strip holds x, or null. */
        public Lane laneAt(double x) {
            for (Lane l : lanes) {
                if (x >= l.xMin() && x < l.xMax()) {
                    return l;
                }
            }
            return null;
        }
    }

    public record Lane(@JsonProperty(required = true) String id,
                       @JsonProperty(required = true) double xMin,
                       @JsonProperty(required = true) double xMax) {
        public Lane {
            requireId("lane id", id);
            if (xMax <= xMin) {
                throw new IllegalArgumentException("lane " + id + ": xMax (" + xMax + ") must be greater than xMin (" + xMin + ")");
            }
        }
    }

    public record Signal(@JsonProperty(required = true) int redPin,
                         @JsonProperty(required = true) int amberPin,
                         @JsonProperty(required = true) int greenPin,
                         Boolean activeHigh,
                         Integer debounceMs) {
        public Signal {
            if (redPin < 0 || amberPin < 0 || greenPin < 0) {
                throw new IllegalArgumentException("signal pins must be non-negative GPIO numbers");
            }
            if (redPin == amberPin || redPin == greenPin || amberPin == greenPin) {
                throw new IllegalArgumentException("signal.redPin, amberPin and greenPin must be three different pins, got "
                        + redPin + ", " + amberPin + ", " + greenPin);
            }
            activeHigh = activeHigh == null ? Boolean.TRUE : activeHigh;
            debounceMs = debounceMs == null ? 20 : debounceMs;
            if (debounceMs < 0 || debounceMs > 1000) {
                throw new IllegalArgumentException("signal.debounceMs must be 0..1000, got " + debounceMs);
            }
        }
    }

    public record Rules(@JsonProperty(required = true) RedLight redLight) {
        public Rules {
            Objects.requireNonNull(redLight, "rules.redLight");
        }
    }

    public record RedLight(@JsonProperty(required = true) double graceSeconds) {
        public RedLight {
            if (graceSeconds < 0 || graceSeconds > 5) {
                throw new IllegalArgumentException("rules.redLight.graceSeconds must be 0..5 s, got " + graceSeconds);
            }
        }
    }

    /**
     * Evidence storage and trust limits (optional section): {@code quotaMb} caps the package folders
     * (0 = no quota; acknowledged media are pruned oldest first under pressure), {@code maxClockOffsetMs}
     * is the clock offset beyond which a case is marked non-enforceable.
     */
    public record Evidence(Long quotaMb, Integer maxClockOffsetMs) {
        public static final Evidence DEFAULTS = new Evidence(0L, 1000);

        public Evidence {
            quotaMb = quotaMb == null ? 0L : quotaMb;
            maxClockOffsetMs = maxClockOffsetMs == null ? 1000 : maxClockOffsetMs;
            if (quotaMb < 0) {
                throw new IllegalArgumentException("evidence.quotaMb must be >= 0 (0 = no quota), got " + quotaMb);
            }
            if (maxClockOffsetMs < 0 || maxClockOffsetMs > 60_000) {
                throw new IllegalArgumentException("evidence.maxClockOffsetMs must be 0..60000, got " + maxClockOffsetMs);
            }
        }
    }

    private static void requireId(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (!value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(what + " may hold only letters, digits, '.', '_' and '-', got '" + value + "'");
        }
    }
}
