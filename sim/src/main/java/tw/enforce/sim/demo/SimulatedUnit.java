package tw.enforce.sim.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.function.Consumer;
import tw.enforce.gpio.pi4j.MockGpio;
import tw.enforce.runtime.app.UnitAssembly;
import tw.enforce.runtime.app.UnitRuntime;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.sim.camera.SimulatedCamera;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.SiteConfigWriter;
import tw.enforce.sim.scenario.SiteIdentity;
import tw.enforce.sim.scene.SceneRenderer;
import tw.enforce.sim.world.SignalDriver;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.World;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * One unit installed at a simulated approach: the site file the surveyor would write, a fresh
 * unit key, the simulated camera and the controller's lamps on the unit's Pi4J (mock) GPIO inputs.
 * The demo adds the network and the center; scoring runs it alone.
 */
final class SimulatedUnit implements AutoCloseable {
    static final String UNIT_ID = "TPE-SIM-0001";

    final Scenario scenario;
    final SimClock clock = new SimClock();
    final World world;
    final KeyPair unitKey = Ed25519Keys.generate();
    final SimulatedCamera camera;
    final UnitRuntime runtime;
    /** The rules this unit decides at this site. */
    final java.util.Set<tw.enforce.sim.truth.RuleId> decidedRules;
    private final MockGpio lamps;
    private final SignalDriver signal;

    SimulatedUnit(Scenario scenario, Path unitDir, DetectorFor detectorFor, SceneRenderer renderer,
                  PlateReader plateReader, Consumer<SignedPackage> onEvidence) throws Exception {
        this.scenario = scenario;
        this.world = new World(scenario, clock.epoch());
        Files.createDirectories(unitDir.resolve("keys"));
        Path siteFile = unitDir.resolve("site.yaml");
        new SiteConfigWriter().write(scenario, SiteIdentity.of(UNIT_ID, "SIM-" + scenario.name()), siteFile);
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(siteFile);
        decidedRules = UnitRules.decidedBy(site);
        Ed25519Keys.writePrivateKey(unitDir.resolve("keys/unit.key"), unitKey.getPrivate());
        Ed25519Keys.writePublicKey(unitDir.resolve("keys/unit.pub"), unitKey.getPublic());

        lamps = MockGpio.start(clock);
        signal = new SignalDriver(world.signalPlan(), clock,
                (lamp, on) -> lamps.drive(scenario.signal().pins().pinFor(lamp), on));
        camera = new SimulatedCamera(site.config().camera().id(), world, signal, clock, renderer);
        // the unit claims its lamp inputs before the controller switches the first lamp
        runtime = UnitAssembly.assemble(site, unitDir, unitKey.getPrivate(), camera, lamps.board(),
                detectorFor.make(world), clock,
                () -> new EvidenceManifest.ClockState("simulator", true, "simulated clock, exact"), plateReader, onEvidence);
        signal.start();
    }

    /** The unit's detector, made once the world exists (the ground-truth detector reads it). */
    @FunctionalInterface
    interface DetectorFor {
        Detector make(World world) throws Exception;
    }

    /** Runs the scenario from its first frame to its last on the calling thread. */
    void runToEnd() {
        runtime.runToEnd();
    }

    @Override
    public void close() {
        runtime.close();
        lamps.close();
    }
}
