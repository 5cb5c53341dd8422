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
import tw.enforce.sim.score.ManifestCases;
import tw.enforce.sim.score.RedLightScore;
import tw.enforce.sim.score.RuleCase;
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
    public static final String UNIT_ID = SimulatedUnit.UNIT_ID;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);

    private IntersectionRun() {
    }

    public static RunResult run(RunOptions o) throws Exception {
        long wallStart = System.nanoTime();
        Scenario scenario = new ScenarioLoader().load(o.scenario());
        EmbeddedBroker broker = null;
        String brokerUri = o.brokerUri();
        if (brokerUri == null) {
            broker = new EmbeddedBroker(o.outDir().resolve("broker"), 0, EmbeddedBroker.Persistence.IN_MEMORY);
            broker.start();
            brokerUri = broker.uri();
        }
        Path unitDir = o.outDir().resolve("unit");
        try (CenterStore centerStore = new CenterStore(o.outDir().resolve("center"), Clock.systemUTC());
             PahoTransport centerLink = new PahoTransport(TransportSettings.of(brokerUri, "center-1"));
             PahoTransport unitLink = new PahoTransport(TransportSettings.of(brokerUri, "unit-" + UNIT_ID))) {
            SpriteLibrary sprites = sprites(o);
            String scenery = sprites.degraded() ? "DRAWN STAND-INS: " + sprites.degradedReason()
                    : sprites.vehicles().size() + " vehicle and " + sprites.pedestrians().size()
                            + " pedestrian sprites cut from real photos";
            DetectorFactory.Made[] detector = new DetectorFactory.Made[1];
            SyncService[] sync = new SyncService[1];
            try (SimulatedUnit unit = new SimulatedUnit(scenario, unitDir, world -> {
                     detector[0] = DetectorFactory.make(o, scenario, world);
                     return detector[0].detector();
                 }, new IntersectionRenderer(scenario.cameraModel(), scenario.roadLayout(), sprites, scenario.seed()),
                     DetectorFactory.plateReader(o), p -> sync[0].nudge());
                 SqliteOutbox outbox = new SqliteOutbox(unitDir.resolve("unit.db"), Clock.systemUTC());
                 SyncService syncService = new SyncService(outbox, unitLink, Topics.DEFAULT, UNIT_ID,
                         SyncSettings.defaults().withIdlePoll(Duration.ofMillis(200)))) {
                sync[0] = syncService;
                UnitKeyRegistry centerKeys = new UnitKeyRegistry();
                centerKeys.register(UNIT_ID, unit.unitKey.getPublic());
                new CenterReceiver(centerLink, Topics.DEFAULT, Topics.DEFAULT_SHARE_GROUP, centerKeys, centerStore,
                        Clock.systemUTC()).start();
                syncService.start();

                String status;
                try (DiagnosticsServer diag = new DiagnosticsServer(unitDir.resolve("edge.sock"), unit.runtime::status,
                        CanonicalJson.mapper())) {
                    unit.runToEnd();
                    if (!syncService.awaitIdle(DELIVERY_TIMEOUT)) {
                        log.warn("not every package was acknowledged within {}", DELIVERY_TIMEOUT);
                    }
                    status = DiagnosticsClient.request(diag.socket(), "status");
                }
                GroundTruth truth = GroundTruth.of(unit.world);
                new GroundTruthWriter().write(unit.world, truth, o.outDir().resolve("ground-truth.json"));
                List<StoredPackage> held = centerStore.list();
                List<DecidedCase> cases = new ArrayList<>();
                for (StoredPackage p : held) {
                    Path folder = centerStore.packageFolder(p.unitId(), p.packageId());
                    if (p.status() == StoredPackage.Status.ACCEPTED && "RED_LIGHT".equals(RuleCase.read(folder).rule())) {
                        cases.add(ManifestCases.read(folder));
                    }
                }
                RedLightScore score = RedLightScore.of(truth, unit.clock.epoch(), cases);
                Map<String, Long> box = new TreeMap<>();
                outbox.countByState().forEach((k, v) -> box.put(k.name().toLowerCase(), v));
                double wall = (System.nanoTime() - wallStart) / 1e9;
                return new RunResult(truth, held, box, score, detector[0].detector().description(), detector[0].note(), scenery,
                        unit.camera.frameCount(), scenario.durationSeconds(), wall, status, o.outDir());
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    static SpriteLibrary sprites(RunOptions o) throws IOException {
        if (o.sharedDir() != null && Files.isDirectory(o.sharedDir().resolve("data/plates"))) {
            return SpriteLibrary.open(o.sharedDir(), o.spriteCache());
        }
        return SpriteLibrary.fallback("no real photos at " + o.sharedDir() + "/data: drawn vehicles instead");
    }
}
