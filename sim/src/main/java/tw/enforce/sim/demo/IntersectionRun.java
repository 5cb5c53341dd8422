package tw.enforce.sim.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.gpio.pi4j.MockGpio;
import tw.enforce.runtime.app.UnitAssembly;
import tw.enforce.runtime.app.UnitRuntime;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.diag.DiagnosticsClient;
import tw.enforce.runtime.diag.DiagnosticsServer;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.sim.camera.SimulatedCamera;
import tw.enforce.sim.render.IntersectionRenderer;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.ScenarioLoader;
import tw.enforce.sim.scenario.SiteConfigWriter;
import tw.enforce.sim.scenario.SiteIdentity;
import tw.enforce.sim.score.DecidedCase;
import tw.enforce.sim.score.RedLightScore;
import tw.enforce.sim.sprite.SpriteLibrary;
import tw.enforce.sim.truth.GroundTruth;
import tw.enforce.sim.truth.GroundTruthWriter;
import tw.enforce.sim.world.SignalDriver;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.World;
import tw.enforce.sync.broker.EmbeddedBroker;
import tw.enforce.sync.center.CenterReceiver;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.center.StoredPackage;
import tw.enforce.sync.center.UnitKeyRegistry;
import tw.enforce.sync.mqtt.PahoTransport;
import tw.enforce.sync.mqtt.SyncService;
import tw.enforce.sync.mqtt.SyncSettings;
import tw.enforce.sync.mqtt.TransportSettings;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.outbox.SqliteOutbox;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.Topics;

/**
 * A whole intersection in one process, wired as it is in the field: the simulator drives the
 * unit's camera and its signal-lamp GPIO inputs (Pi4J mock provider), the unit runtime writes
 * signed evidence into its SQLite store and outbox, the sync agent publishes it over MQTT 5 (TCP on
 * loopback) to the center receiver, which verifies, stores and acknowledges it.
 *
 * <p>Output folder: {@code unit/} (site.yaml, keys, unit.db, evidence/), {@code center/},
 * {@code ground-truth.json}.
 */
public final class IntersectionRun {
    private static final Logger log = LoggerFactory.getLogger(IntersectionRun.class);
    public static final String UNIT_ID = "TPE-SIM-0001";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);

    private IntersectionRun() {
    }

    public static RunResult run(RunOptions o) throws Exception {
        long wallStart = System.nanoTime();
        Scenario scenario = new ScenarioLoader().load(o.scenario());
        Path unitDir = o.outDir().resolve("unit");
        Files.createDirectories(unitDir.resolve("keys"));

        Path siteFile = unitDir.resolve("site.yaml");
        new SiteConfigWriter().write(scenario, SiteIdentity.of(UNIT_ID, "SIM-" + scenario.name()), siteFile);
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(siteFile);

        KeyPair unitKey = Ed25519Keys.generate();
        Ed25519Keys.writePrivateKey(unitDir.resolve("keys/unit.key"), unitKey.getPrivate());
        Ed25519Keys.writePublicKey(unitDir.resolve("keys/unit.pub"), unitKey.getPublic());
        UnitKeyRegistry centerKeys = new UnitKeyRegistry();
        centerKeys.register(UNIT_ID, unitKey.getPublic());

        EmbeddedBroker broker = null;
        String brokerUri = o.brokerUri();
        if (brokerUri == null) {
            broker = new EmbeddedBroker(o.outDir().resolve("broker"), 0, EmbeddedBroker.Persistence.IN_MEMORY);
            broker.start();
            brokerUri = broker.uri();
        }
        try (CenterStore centerStore = new CenterStore(o.outDir().resolve("center"), Clock.systemUTC());
             PahoTransport centerLink = new PahoTransport(TransportSettings.of(brokerUri, "center-1"));
             SqliteOutbox outbox = new SqliteOutbox(unitDir.resolve("unit.db"), Clock.systemUTC());
             PahoTransport unitLink = new PahoTransport(TransportSettings.of(brokerUri, "unit-" + UNIT_ID));
             SyncService sync = new SyncService(outbox, unitLink, Topics.DEFAULT, UNIT_ID,
                     SyncSettings.defaults().withIdlePoll(Duration.ofMillis(200)))) {
            CenterReceiver center = new CenterReceiver(centerLink, Topics.DEFAULT, Topics.DEFAULT_SHARE_GROUP,
                    centerKeys, centerStore, Clock.systemUTC());
            center.start();
            sync.start();

            SimClock clock = new SimClock();
            World world = new World(scenario, clock.epoch());
            DetectorFactory.Made detector = DetectorFactory.make(o, scenario, world);
            SpriteLibrary sprites = sprites(o);
            try (MockGpio lamps = MockGpio.start(clock)) {
                SignalDriver signal = new SignalDriver(world.signalPlan(), clock,
                        (lamp, on) -> lamps.drive(scenario.signal().pins().pinFor(lamp), on));
                SimulatedCamera camera = new SimulatedCamera(site.config().camera().id(), world, signal, clock,
                        new IntersectionRenderer(scenario.cameraModel(), scenario.roadLayout(), sprites, scenario.seed()));
                // the unit claims its lamp inputs before the controller switches the first lamp
                UnitRuntime unit = UnitAssembly.assemble(site, unitDir, unitKey.getPrivate(), camera, lamps.board(),
                        detector.detector(), clock,
                        () -> new EvidenceManifest.ClockState("simulator", true, "simulated clock, exact"),
                        p -> sync.nudge());
                signal.start();
                String status;
                try (DiagnosticsServer diag = new DiagnosticsServer(unitDir.resolve("edge.sock"), unit::status,
                        CanonicalJson.mapper())) {
                    unit.runToEnd();
                    boolean idle = sync.awaitIdle(DELIVERY_TIMEOUT);
                    if (!idle) {
                        log.warn("not every package was acknowledged within {}", DELIVERY_TIMEOUT);
                    }
                    status = DiagnosticsClient.request(diag.socket(), "status");
                } finally {
                    unit.close();
                }
                GroundTruth truth = GroundTruth.of(world);
                new GroundTruthWriter().write(world, truth, o.outDir().resolve("ground-truth.json"));
                List<StoredPackage> held = centerStore.list();
                RedLightScore score = RedLightScore.of(truth, clock.epoch(), cases(centerStore, held));
                Map<String, Long> box = new TreeMap<>();
                outbox.countByState().forEach((k, v) -> box.put(k.name().toLowerCase(), v));
                double wall = (System.nanoTime() - wallStart) / 1e9;
                return new RunResult(truth, held, box, score, detector.detector().description(), detector.note(),
                        camera.frameCount(), scenario.durationSeconds(), wall, status, o.outDir());
            } finally {
                detector.detector().close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static SpriteLibrary sprites(RunOptions o) throws IOException {
        if (o.sharedDir() != null && Files.isDirectory(o.sharedDir().resolve("data/plates"))) {
            return SpriteLibrary.open(o.sharedDir(), o.outDir().resolve("sprite-cache"));
        }
        return SpriteLibrary.fallback("no real photos at " + o.sharedDir() + "/data: drawn vehicles instead");
    }

    private static List<DecidedCase> cases(CenterStore store, List<StoredPackage> held) throws IOException {
        List<DecidedCase> out = new ArrayList<>();
        for (StoredPackage p : held) {
            if (p.status() != StoredPackage.Status.ACCEPTED) {
                continue;
            }
            byte[] manifest = Files.readAllBytes(store.packageFolder(p.unitId(), p.packageId()).resolve("manifest.json"));
            JsonNode m;
            try {
                m = CanonicalJson.read(manifest);
            } catch (Exception e) {
                throw new IOException("center copy of " + p.packageId() + " has an unreadable manifest", e);
            }
            JsonNode meas = m.get("measurement");
            out.add(new DecidedCase(p.packageId(), Instant.parse(meas.get("stopLineCrossing").asText()),
                    meas.get("timeIntoRedSeconds").asDouble(), m.path("lane").asText(null)));
        }
        return out;
    }
}
