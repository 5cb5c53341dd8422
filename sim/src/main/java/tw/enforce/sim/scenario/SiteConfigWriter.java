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
        ArrayNode lanes = approach.putArray("lanes");
        for (String lane : scenario.road().laneIds()) {
            double[] b = scenario.road().laneBounds(lane);
            lanes.addObject().put("id", lane).put("xMin", b[0]).put("xMax", b[1]);
        }
        ObjectNode signal = root.putObject("signal");
        signal.put("redPin", scenario.signal().pins().red());
        signal.put("amberPin", scenario.signal().pins().amber());
        signal.put("greenPin", scenario.signal().pins().green());
        signal.put("activeHigh", true);
        signal.put("debounceMs", 20);
        root.putObject("rules").putObject("redLight").put("graceSeconds", scenario.rules().redLight().graceSeconds());
        try {
            return yaml.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render site config", e);
        }
    }

    /** The surveyed pairs: visible lane-line ends, image coordinates rounded to 0.1 px. */
    public List<PointPair> surveyPoints(Scenario scenario) {
        CameraModel cam = scenario.cameraModel();
        RoadSpec road = scenario.road();
        double[] ys = {road.stopLineY() - APPROACH_MARK_DISTANCE_M, road.stopLineY(), road.exitLineY()};
        List<PointPair> out = new ArrayList<>();
        Set<Double> xs = new TreeSet<>();
        Set<Double> rows = new TreeSet<>();
        for (double y : ys) {
            for (double x : road.laneBoundariesX()) {
                ImagePoint p = cam.project(x, y, 0);
                if (p == null || p.u() < MARGIN_PX || p.v() < MARGIN_PX
                        || p.u() > cam.imageWidth() - MARGIN_PX || p.v() > cam.imageHeight() - MARGIN_PX) {
                    continue;
                }
                out.add(new PointPair(new ImagePoint(round(p.u()), round(p.v())), new WorldPoint(x, y)));
                xs.add(x);
                rows.add(y);
            }
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
