package tw.enforce.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.PointPair;
import tw.enforce.runtime.geometry.WorldPoint;

/**
 * Writes the runtime's site.yaml for a scenario, as an installer would after surveying the site:
 * the calibration points are painted road marks (lane line ends at the stop line and exit line,
 * and 10 m up the approach) projected through the scenario camera and rounded to 0.1 px; only marks
 * visible in the image are used, and at least six not all on one line are required.
 *
 * <p>A scenario that uses the round-3 geometry, rules or vehicle paths also gets, in site.yaml, the
 * per-lane rules, the junction box (given or default, so the unit knows how vehicles leave it), crosswalks, no-stopping zones, double lines and the enabled rule sections, and
 * extra survey marks on that geometry (lane lines at the speed zone's ends, crosswalk and zone
 * corners, double-line ends, junction corners). A scenario that uses none of it gets exactly the
 * site.yaml it always did, so runtimes that predate those keys still load it.
 */
public final class SiteConfigWriter {
    static final double APPROACH_MARK_DISTANCE_M = 10.0;
    private static final double MARGIN_PX = 2.0;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    public void write(Scenario scenario, SiteIdentity id, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(scenario, id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write site config to " + file, e);
        }
    }

    public String render(Scenario scenario, SiteIdentity id) {
        ObjectNode root = yaml.createObjectNode();
        ObjectNode unit = root.putObject("unit");
        unit.put("id", id.unitId());
        unit.put("site", id.siteId());
        ObjectNode camera = root.putObject("camera");
        camera.put("id", id.cameraId());
        camera.put("width", scenario.camera().imageWidth());
        camera.put("height", scenario.camera().imageHeight());
        ObjectNode cal = root.putObject("calibration");
        cal.put("id", id.calibrationId());
        cal.put("validUntil", id.calibrationValidUntil().toString());
        ArrayNode points = cal.putArray("points");
        for (PointPair p : surveyPoints(scenario)) {
            ObjectNode n = points.addObject();
            n.put("u", p.image().u());
            n.put("v", p.image().v());
            n.put("x", p.world().x());
            n.put("y", p.world().y());
        }
        ObjectNode approach = root.putObject("approach");
        approach.put("name", id.approachName());
        approach.put("stopLineY", scenario.road().stopLineY());
        approach.put("exitLineY", scenario.road().exitLineY());
        RoadSpec road = scenario.road();
        boolean extended = usesExtendedSite(scenario);
        if (extended) {
            approach.putObject("junction").put("xMin", road.junctionOrDefault().xMin()).put("xMax", road.junctionOrDefault().xMax());
        }
        ArrayNode lanes = approach.putArray("lanes");
        for (String lane : road.laneIds()) {
            double[] b = road.laneBounds(lane);
            ObjectNode n = lanes.addObject().put("id", lane).put("xMin", b[0]).put("xMax", b[1]);
            if (extended) {
                laneRules(n, road.lane(lane));
            }
        }
        if (!road.crosswalks().isEmpty()) {
            ArrayNode cws = approach.putArray("crosswalks");
            for (Markings.CrosswalkArea c : road.crosswalks()) {
                cws.addObject().put("id", c.id()).put("yMin", c.yMin()).put("yMax", c.yMax()).put("xMin", c.xMin()).put("xMax", c.xMax());
            }
        }
        if (!road.noStoppingZones().isEmpty()) {
            ArrayNode zones = approach.putArray("noStoppingZones");
            for (Markings.NoStoppingZone z : road.noStoppingZones()) {
                ObjectNode n = zones.addObject().put("id", z.id()).put("kind", z.kind().yamlName()).put("maxDwellSeconds", z.maxDwellSeconds());
                ArrayNode poly = n.putArray("polygon");
                z.polygon().forEach(pt -> poly.addObject().put("x", pt.x()).put("y", pt.y()));
            }
        }
        if (!road.doubleLines().isEmpty()) {
            ArrayNode lines = approach.putArray("doubleLines");
            for (Markings.DoubleLine d : road.doubleLines()) {
                ObjectNode n = lines.addObject().put("id", d.id()).put("colour", d.colour());
                n.putObject("from").put("x", d.from().x()).put("y", d.from().y());
                n.putObject("to").put("x", d.to().x()).put("y", d.to().y());
            }
        }
        ObjectNode signal = root.putObject("signal");
        signal.put("redPin", scenario.signal().pins().red());
        signal.put("amberPin", scenario.signal().pins().amber());
        signal.put("greenPin", scenario.signal().pins().green());
        signal.put("activeHigh", true);
        signal.put("debounceMs", 20);
        rules(root.putObject("rules"), scenario.rules());
        try {
            return yaml.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render site config", e);
        }
    }

    /** Whether the scenario uses anything beyond the original red-light site format. */
    static boolean usesExtendedSite(Scenario s) {
        RoadSpec r = s.road();
        RulesSpec q = s.rules();
        boolean newPaths = s.actors().vehicles().stream().anyMatch(v -> v.movement() != Movement.STRAIGHT
                || v.travel() != null || v.laneChange() != null || v.park() != null);
        return newPaths || r.junction() != null || !r.lanes().isEmpty() || !r.crosswalks().isEmpty() || !r.noStoppingZones().isEmpty()
                || !r.doubleLines().isEmpty() || q.speed() != null || q.yield() != null || q.lineCrossing() != null
                || q.turn() != null || q.wrongWay() != null || q.restrictedClass() != null || q.noStopping() != null;
    }

    private static void laneRules(ObjectNode n, LaneSpec l) {
        n.put("travel", l.travel().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode mv = n.putArray("movements");
        l.movements().forEach(m -> mv.add(m.yamlName()));
        ArrayNode tor = n.putArray("turnOnRed");
        l.turnOnRed().forEach(m -> tor.add(m.yamlName()));
        if (l.speedLimitKmh() != null) {
            n.put("speedLimitKmh", l.speedLimitKmh());
        }
        if (!l.classSpeedLimitKmh().isEmpty()) {
            ObjectNode c = n.putObject("classSpeedLimitKmh");
            l.classSpeedLimitKmh().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> c.put(e.getKey().name(), e.getValue()));
        }
        if (!l.bannedClasses().isEmpty()) {
            ArrayNode b = n.putArray("bannedClasses");
            l.bannedClasses().forEach(k -> b.add(k.name()));
        }
    }

    private static void rules(ObjectNode n, RulesSpec r) {
        n.putObject("redLight").put("graceSeconds", r.redLight().graceSeconds());
        if (r.speed() != null) {
            n.putObject("speed").put("fromY", r.speed().fromY()).put("toY", r.speed().toY())
                    .put("marginKmh", r.speed().marginKmh()).put("radarToleranceKmh", r.speed().radarToleranceKmh());
        }
        if (r.yield() != null) {
            n.putObject("yield").put("conflictDistanceM", r.yield().conflictDistanceM());
        }
        if (r.lineCrossing() != null) {
            n.putObject("lineCrossing");
        }
        if (r.turn() != null) {
            n.putObject("turn");
        }
        if (r.wrongWay() != null) {
            n.putObject("wrongWay").put("minDistanceM", r.wrongWay().minDistanceM());
        }
        if (r.restrictedClass() != null) {
            ObjectNode c = n.putObject("restrictedClass");
            if (r.restrictedClass().checkY() != null) {
                c.put("checkY", r.restrictedClass().checkY());
            }
            c.put("minClassAgreement", r.restrictedClass().minClassAgreement());
        }
        if (r.noStopping() != null) {
            n.putObject("noStopping").put("standingKmh", r.noStopping().standingKmh());
        }
    }

    /** Road marks a surveyor would take: lane-line ends, and on extended sites the rule geometry's corners. */
    private static List<double[]> marks(Scenario scenario) {
        RoadSpec road = scenario.road();
        List<Double> ys = new ArrayList<>(List.of(road.stopLineY() - APPROACH_MARK_DISTANCE_M, road.stopLineY(), road.exitLineY()));
        List<double[]> out = new ArrayList<>();
        if (usesExtendedSite(scenario) && scenario.rules().speed() != null) {
            ys.add(scenario.rules().speed().fromY());
            ys.add(scenario.rules().speed().toY());
        }
        for (double y : ys) {
            for (double x : road.laneBoundariesX()) {
                out.add(new double[] {x, y});
            }
        }
        if (!usesExtendedSite(scenario)) {
            return out;
        }
        for (Markings.CrosswalkArea c : road.crosswalks()) {
            out.add(new double[] {c.xMin(), c.yMin()});
            out.add(new double[] {c.xMax(), c.yMin()});
            out.add(new double[] {c.xMin(), c.yMax()});
            out.add(new double[] {c.xMax(), c.yMax()});
        }
        for (Markings.NoStoppingZone z : road.noStoppingZones()) {
            z.polygon().forEach(p -> out.add(new double[] {p.x(), p.y()}));
        }
        for (Markings.DoubleLine d : road.doubleLines()) {
            out.add(new double[] {d.from().x(), d.from().y()});
            out.add(new double[] {d.to().x(), d.to().y()});
        }
        {
            Markings.Junction j = road.junctionOrDefault();
            for (double y : new double[] {road.stopLineY(), road.exitLineY()}) {
                out.add(new double[] {j.xMin(), y});
                out.add(new double[] {j.xMax(), y});
            }
        }
        return out;
    }

    /** The surveyed pairs: visible lane-line ends (and rule geometry), image coordinates rounded to 0.1 px. */
    public List<PointPair> surveyPoints(Scenario scenario) {
        CameraModel cam = scenario.cameraModel();
        List<PointPair> out = new ArrayList<>();
        Set<Double> xs = new TreeSet<>();
        Set<Double> rows = new TreeSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (double[] m : marks(scenario)) {
            double x = m[0];
            double y = m[1];
            ImagePoint p = cam.project(x, y, 0);
            if (p == null || p.u() < MARGIN_PX || p.v() < MARGIN_PX
                    || p.u() > cam.imageWidth() - MARGIN_PX || p.v() > cam.imageHeight() - MARGIN_PX
                    || !seen.add(x + "," + y)) {
                continue;
            }
            out.add(new PointPair(new ImagePoint(round(p.u()), round(p.v())), new WorldPoint(x, y)));
            xs.add(x);
            rows.add(y);
        }
        if (out.size() < 6 || xs.size() < 2 || rows.size() < 2) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "': only " + out.size()
                    + " road marks are visible to the camera (need 6 not on one line); aim the camera at the stop and exit lines");
        }
        return out;
    }

    private static double round(double px) {
        return Math.round(px * 10) / 10.0;
    }
}
