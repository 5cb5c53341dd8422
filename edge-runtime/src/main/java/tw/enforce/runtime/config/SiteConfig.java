package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Objects;
import tw.enforce.runtime.detect.ObjectClass;
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
                         Evidence evidence, Hardware hardware, PerceptionConfig perception) {

    public SiteConfig {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(approach, "approach");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(rules, "rules");
        evidence = evidence == null ? Evidence.DEFAULTS : evidence;
        hardware = hardware == null ? Hardware.DEFAULTS : hardware;
        perception = perception == null ? PerceptionConfig.DEFAULTS : perception;
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

    /**
     * The approach: the stop line (lanes may have their own), the exit line, the lanes, and the
     * optional elements the other rules need — junction box, crosswalks, no-stopping zones, double
     * lines. Cross-element checks (overlaps, image, calibrated area) are in {@link SiteGeometry}.
     */
    public record Approach(@JsonProperty(required = true) String name,
                           Double stopLineY,
                           @JsonProperty(required = true) double exitLineY,
                           Junction junction,
                           List<Lane> lanes,
                           List<Crosswalk> crosswalks,
                           List<NoStoppingZone> noStoppingZones,
                           List<DoubleLine> doubleLines) {
        public Approach {
            requireId("approach.name", name);
            lanes = lanes == null ? List.of() : List.copyOf(lanes);
            crosswalks = crosswalks == null ? List.of() : List.copyOf(crosswalks);
            noStoppingZones = noStoppingZones == null ? List.of() : List.copyOf(noStoppingZones);
            doubleLines = doubleLines == null ? List.of() : List.copyOf(doubleLines);
            if (stopLineY != null && exitLineY <= stopLineY) {
                throw new IllegalArgumentException("approach.exitLineY (" + exitLineY
                        + ") must lie beyond approach.stopLineY (" + stopLineY + ") in the direction of travel");
            }
            for (Lane l : lanes) {
                Double own = l.stopLineY() != null ? l.stopLineY() : stopLineY;
                if (l.travel() == Travel.APPROACH && own == null) {
                    throw new IllegalArgumentException("lane " + l.id() + " travels towards the junction but has no stop line: "
                            + "set approach.stopLineY or the lane's stopLineY");
                }
                if (own != null && l.travel() == Travel.APPROACH && exitLineY <= own) {
                    throw new IllegalArgumentException("approach.exitLineY (" + exitLineY
                            + ") must lie beyond lane " + l.id() + "'s stop line (" + own + ")");
                }
            }
            if (stopLineY == null && lanes.stream().noneMatch(l -> l.stopLineY() != null)) {
                throw new IllegalArgumentException("approach has no stop line: set approach.stopLineY");
            }
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

        public Lane lane(String id) {
            for (Lane l : lanes) {
                if (l.id().equals(id)) {
                    return l;
                }
            }
            return null;
        }

        /** The stop line of a lane (its own, else the approach's); for a null lane the approach's or the nearest lane's. */
        public double stopLineY(Lane lane) {
            if (lane != null && lane.stopLineY() != null) {
                return lane.stopLineY();
            }
            if (stopLineY != null) {
                return stopLineY;
            }
            return lanes.stream().filter(l -> l.stopLineY() != null).mapToDouble(Lane::stopLineY).min().orElseThrow();
        }

        /** The stop line where x crosses it: the lane's own if x is in a lane, else the approach default. */
        public double stopLineAt(double x) {
            return stopLineY(laneAt(x));
        }
    }

    /**
     * A lane strip [xMin, xMax): its lawful travel direction, the movements allowed at the junction
     * (default straight, left, right), the movements exempt from RED_LIGHT (turn on red), its own
     * stop line if it differs, the speed limits (none = SPEED not enforced here) and banned classes.
     */
    public record Lane(@JsonProperty(required = true) String id,
                       @JsonProperty(required = true) double xMin,
                       @JsonProperty(required = true) double xMax,
                       Travel travel,
                       Double stopLineY,
                       List<Movement> movements,
                       List<Movement> turnOnRed,
                       Double speedLimitKmh,
                       Map<ObjectClass, Double> classSpeedLimitKmh,
                       List<ObjectClass> bannedClasses) {
        public static final List<Movement> DEFAULT_MOVEMENTS = List.of(Movement.STRAIGHT, Movement.LEFT, Movement.RIGHT);

        public Lane {
            requireId("lane id", id);
            if (xMax <= xMin) {
                throw new IllegalArgumentException("lane " + id + ": xMax (" + xMax + ") must be greater than xMin (" + xMin + ")");
            }
            travel = travel == null ? Travel.APPROACH : travel;
            movements = movements == null ? DEFAULT_MOVEMENTS : List.copyOf(movements);
            turnOnRed = turnOnRed == null ? List.of() : List.copyOf(turnOnRed);
            classSpeedLimitKmh = classSpeedLimitKmh == null ? Map.of() : Map.copyOf(classSpeedLimitKmh);
            bannedClasses = bannedClasses == null ? List.of() : List.copyOf(bannedClasses);
            if (movements.isEmpty()) {
                throw new IllegalArgumentException("lane " + id + ": movements must list at least one movement");
            }
            for (Movement m : turnOnRed) {
                if (!movements.contains(m)) {
                    throw new IllegalArgumentException("lane " + id + ": turnOnRed lists " + m.yamlName()
                            + ", which is not among the lane's movements " + movements.stream().map(Movement::yamlName).toList());
                }
            }
            checkLimit(id, "speedLimitKmh", speedLimitKmh);
            classSpeedLimitKmh.forEach((c, v) -> checkLimit(id, "classSpeedLimitKmh." + c, v));
        }

        /** Convenience for tests and tools: a plain approach lane with every default. */
        public Lane(String id, double xMin, double xMax) {
            this(id, xMin, xMax, null, null, null, null, null, null, null);
        }

        /** The limit for a vehicle of this class (class name as in {@link ObjectClass}), if the lane has one. */
        public OptionalDouble speedLimitKmhFor(String vehicleClass) {
            for (Map.Entry<ObjectClass, Double> e : classSpeedLimitKmh.entrySet()) {
                if (e.getKey().name().equalsIgnoreCase(vehicleClass)) {
                    return OptionalDouble.of(e.getValue());
                }
            }
            return speedLimitKmh == null ? OptionalDouble.empty() : OptionalDouble.of(speedLimitKmh);
        }

        public boolean hasSpeedLimit() {
            return speedLimitKmh != null || !classSpeedLimitKmh.isEmpty();
        }

        public boolean bans(String vehicleClass) {
            return bannedClasses.stream().anyMatch(c -> c.name().equalsIgnoreCase(vehicleClass));
        }

        private static void checkLimit(String lane, String what, Double v) {
            if (v != null && (v < 5 || v > 200)) {
                throw new IllegalArgumentException("lane " + lane + ": " + what + " must be 5..200 km/h, got " + v);
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

    /** The rule sections; redLight is required, every other section present enables its rule. */
    public record Rules(@JsonProperty(required = true) RedLight redLight,
                        RuleSettings.Speed speed,
                        RuleSettings.Yield yield,
                        RuleSettings.LineCrossing lineCrossing,
                        RuleSettings.Turn turn,
                        RuleSettings.WrongWay wrongWay,
                        RuleSettings.RestrictedClass restrictedClass,
                        RuleSettings.NoStopping noStopping,
                        RuleSettings.SectionSpeed sectionSpeed) {
        public Rules {
            Objects.requireNonNull(redLight, "rules.redLight");
        }

        public Rules(RedLight redLight) {
            this(redLight, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * RED_LIGHT settings: the grace after the red onset, and (optional) the controller's programmed
     * all-red interval, recorded with each case because one signal head cannot observe it.
     */
    public record RedLight(@JsonProperty(required = true) double graceSeconds, Double allRedSeconds) {
        public RedLight {
            if (graceSeconds < 0 || graceSeconds > 5) {
                throw new IllegalArgumentException("rules.redLight.graceSeconds must be 0..5 s, got " + graceSeconds);
            }
            if (allRedSeconds != null && (allRedSeconds < 0 || allRedSeconds > 10)) {
                throw new IllegalArgumentException("rules.redLight.allRedSeconds must be 0..10 s, got " + allRedSeconds);
            }
        }

        public RedLight(double graceSeconds) {
            this(graceSeconds, null);
        }
    }

    /**
     * Evidence storage and trust limits (optional section): {@code quotaMb} caps the package folders
     * (0 = no quota; acknowledged media are pruned oldest first under pressure), {@code maxClockOffsetMs}
     * is the clock offset beyond which a case is marked non-enforceable, {@code privacy} what the
     * overview images may show ({@link PrivacyConfig}).
     */
    public record Evidence(Long quotaMb, Integer maxClockOffsetMs, PrivacyConfig privacy) {
        public static final Evidence DEFAULTS = new Evidence(0L, 1000, null);

        public Evidence {
            privacy = privacy == null ? PrivacyConfig.DEFAULTS : privacy;
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

    static void requireId(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (!value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(what + " may hold only letters, digits, '.', '_' and '-', got '" + value + "'");
        }
    }
}
