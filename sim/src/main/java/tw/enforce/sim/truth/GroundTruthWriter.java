package tw.enforce.sim.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import tw.enforce.sim.world.LampEdge;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.World;

/**
 * Writes ground truth as JSON beside a run: per vehicle the crossing times (simulated seconds and
 * UTC instants on the run's clock), phase at the stop line, red onset, time into red and the
 * violator verdict; the enabled rules and every offence (rule, vehicle, lane, event time, speed);
 * every vehicle's mean speed over the speed zone; the lamp lit at the start and every lamp edge of
 * the run. Missing values are JSON null.
 */
public final class GroundTruthWriter {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(World world, GroundTruth truth, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            json.writeValue(file.toFile(), toJson(world, truth));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth to " + file, e);
        }
    }

    ObjectNode toJson(World world, GroundTruth truth) {
        Instant epoch = world.epoch();
        ObjectNode root = json.createObjectNode();
        root.put("scenario", truth.scenarioName());
        root.put("epoch", epoch.toString());
        root.put("durationSeconds", truth.durationSeconds());
        root.put("fps", world.scenario().fps());
        root.put("graceSeconds", truth.graceSeconds());
        ArrayNode vehicles = root.putArray("vehicles");
        for (VehicleTruth v : truth.vehicles()) {
            ObjectNode n = vehicles.addObject();
            n.put("id", v.vehicleId());
            n.put("kind", v.kind().name());
            n.put("plate", v.plate());
            n.put("lane", v.lane());
            n.put("behaviour", v.behaviour().name());
            time(n, "stopLine", v.stopLineSeconds(), epoch);
            n.put("phaseAtStopLine", v.phaseAtStopLine() == null ? null : v.phaseAtStopLine().name());
            time(n, "redOnset", v.redOnsetSeconds(), epoch);
            number(n, "timeIntoRedSeconds", v.timeIntoRedSeconds());
            time(n, "exitLine", v.exitLineSeconds(), epoch);
            n.put("redLightViolator", v.redLightViolator());
            number(n, "speedAtStopLineKmh", v.speedAtStopLineKmh());
            n.put("movementOnRed", v.movement());
        }
        ArrayNode rules = root.putArray("enabledRules");
        truth.enabledRules().stream().sorted().forEach(r -> rules.add(r.name()));
        ArrayNode offences = root.putArray("offences");
        for (Offence o : truth.offences()) {
            ObjectNode n = offences.addObject();
            n.put("rule", o.rule().name());
            n.put("vehicleId", o.vehicleId());
            n.put("plate", o.plate());
            n.put("lane", o.lane());
            time(n, "event", o.eventSeconds(), epoch);
            number(n, "speedKmh", o.speedKmh());
            number(n, "timeIntoRedSeconds", o.timeIntoRedSeconds());
            n.put("detail", o.detail());
        }
        ArrayNode passes = root.putArray("speedPasses");
        for (SpeedPass p : truth.speedPasses()) {
            ObjectNode n = passes.addObject();
            n.put("vehicleId", p.vehicleId());
            n.put("kind", p.kind());
            n.put("lane", p.lane());
            time(n, "middle", p.middleSeconds(), epoch);
            n.put("meanKmh", p.meanKmh());
            number(n, "limitKmh", p.limitKmh());
        }
        root.put("lampAtStart", world.signalPlan().phaseAt(0).name());
        ArrayNode edges = root.putArray("lampEdges");
        for (LampEdge e : world.signalPlan().edges(-1e-9, truth.durationSeconds())) {
            ObjectNode n = edges.addObject();
            time(n, "", e.atSeconds(), epoch);
            n.put("lamp", e.lamp().name());
            n.put("on", e.on());
        }
        return root;
    }

    private static void time(ObjectNode n, String prefix, double seconds, Instant epoch) {
        String secondsKey = prefix.isEmpty() ? "seconds" : prefix + "Seconds";
        String atKey = prefix.isEmpty() ? "at" : prefix + "At";
        number(n, secondsKey, seconds);
        n.put(atKey, Double.isNaN(seconds) ? null : SimClock.instantAt(epoch, seconds).toString());
    }

    private static void number(ObjectNode n, String key, double value) {
        if (Double.isNaN(value)) {
            n.putNull(key);
        } else {
            n.put(key, value);
        }
    }
}
