package tw.enforce.sim.section;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import tw.enforce.gpio.pi4j.MockGpio;
import tw.enforce.runtime.app.UnitAssembly;
import tw.enforce.runtime.app.UnitRuntime;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.sim.camera.SimulatedCamera;
import tw.enforce.sim.render.FlatRenderer;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.ScenarioLoader;
import tw.enforce.sim.scenario.SiteConfigWriter;
import tw.enforce.sim.scenario.SiteIdentity;
import tw.enforce.sim.truth.DetectionNoise;
import tw.enforce.sim.truth.GroundTruthDetector;
import tw.enforce.sim.world.SignalDriver;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.World;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * One end of a simulated section: its own scenario (see {@link UnitScenarios}), the site.yaml the
 * surveyor would write plus its {@code rules.sectionSpeed}, a fresh unit key, the ground-truth
 * detector with typical noise and the scenario's plate reads. Both units' clocks read the same
 * simulated time line (exact, synchronised, offset 0), as two units disciplined by one NTP source.
 */
final class SectionUnit implements AutoCloseable {
    final String unitId;
    final SimClock clock = new SimClock();
    final World world;
    final KeyPair unitKey = Ed25519Keys.generate();
    final SimulatedCamera camera;
    final UnitRuntime runtime;
    private final MockGpio lamps;
    private final SignalDriver signal;

    SectionUnit(SectionScenario s, String role, Path unitDir) throws Exception {
        this.unitId = "entry".equals(role) ? s.section().entryUnit() : s.section().exitUnit();
        Scenario scenario = new ScenarioLoader().load(UnitScenarios.write(s, role, unitDir.resolve("scenario.yaml")));
        this.world = new World(scenario, clock.epoch());
        Files.createDirectories(unitDir.resolve("keys"));
        Path siteFile = unitDir.resolve("site.yaml");
        new SiteConfigWriter().write(scenario, SiteIdentity.of(unitId, "SIM-" + s.name() + "-" + role), siteFile);
        addSection(siteFile, s, role);
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(siteFile);
        Ed25519Keys.writePrivateKey(unitDir.resolve("keys/unit.key"), unitKey.getPrivate());
        Ed25519Keys.writePublicKey(unitDir.resolve("keys/unit.pub"), unitKey.getPublic());
        Map<String, String> reads = new HashMap<>();
        for (SectionScenario.Vehicle v : s.vehicles()) {
            reads.put(v.plate(), v.readAt(role));
        }
        lamps = MockGpio.start(clock);
        signal = new SignalDriver(world.signalPlan(), clock,
                (lamp, on) -> lamps.drive(scenario.signal().pins().pinFor(lamp), on));
        camera = new SimulatedCamera(site.config().camera().id(), world, signal, clock,
                new FlatRenderer(scenario.cameraModel().imageWidth(), scenario.cameraModel().imageHeight()));
        runtime = UnitAssembly.assemble(site, unitDir, unitKey.getPrivate(), camera, lamps.board(),
                new GroundTruthDetector(scenario.cameraModel(), world::snapshotAt, DetectionNoise.typical(s.seed())),
                clock, () -> new EvidenceManifest.ClockState("simulator", true, 0.0, "simulated clock, exact"),
                new TruthPlateReader(world, reads), p -> { });
        signal.start();
    }

    /** Adds this unit's {@code rules.sectionSpeed} to the generated site file. */
    private static void addSection(Path siteFile, SectionScenario s, String role) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode root = (ObjectNode) yaml.readTree(siteFile.toFile());
        ObjectNode section = ((ObjectNode) root.get("rules")).putObject("sectionSpeed");
        section.put("sectionId", s.section().id());
        section.put("role", role);
        section.put("partnerUnit", "entry".equals(role) ? s.section().exitUnit() : s.section().entryUnit());
        section.put("lengthM", s.section().lengthM());
        section.put("limitKmh", s.section().limitKmh());
        section.put("lineY", s.section().lineY());
        yaml.writeValue(siteFile.toFile(), root);
    }

    void runToEnd() {
        runtime.runToEnd();
    }

    @Override
    public void close() {
        runtime.close();
        lamps.close();
    }
}
