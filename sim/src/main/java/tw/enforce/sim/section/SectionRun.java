package tw.enforce.sim.section;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.sync.broker.EmbeddedBroker;
import tw.enforce.sync.center.CenterReceiver;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.center.UnitKeyRegistry;
import tw.enforce.sync.mqtt.PahoTransport;
import tw.enforce.sync.mqtt.SyncService;
import tw.enforce.sync.mqtt.SyncSettings;
import tw.enforce.sync.mqtt.TransportSettings;
import tw.enforce.sync.outbox.SqliteOutbox;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Topics;
import tw.enforce.sync.section.SectionCase;
import tw.enforce.sync.section.SectionCenter;
import tw.enforce.sync.section.SectionPolicy;

/**
 * A section run as in the field: the entry and the exit unit each run their own simulated road
 * (ground-truth detector with noise, scenario plate reads, no rendering) and record passages into
 * their own store and outbox; both sync agents then deliver over MQTT 5 (an embedded broker on
 * loopback unless one is given) to one center receiver with the section center listening, and the
 * center's cases are scored against the truth of both worlds.
 *
 * <p>Output folder: {@code entry/} and {@code exit/} (scenario.yaml, site.yaml, keys, unit.db,
 * evidence/), {@code center/} (with {@code sections/}), {@code section-truth.json}.
 */
public final class SectionRun {
    private static final Logger log = LoggerFactory.getLogger(SectionRun.class);
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private SectionRun() {
    }

    public record Outcome(String scenario, SectionTruth truth, List<SectionCase> cases, SectionScore score,
                          long passagesRead, long passagesUnread, double wallSeconds) {
    }

    public static Outcome run(Path scenarioFile, Path outDir, String brokerUri) throws Exception {
        long start = System.nanoTime();
        SectionScenario s = SectionScenario.load(scenarioFile);
        Files.createDirectories(outDir);
        try (SectionUnit entry = new SectionUnit(s, "entry", outDir.resolve("entry"));
             SectionUnit exit = new SectionUnit(s, "exit", outDir.resolve("exit"))) {
            entry.runToEnd();
            exit.runToEnd();
            SectionTruth truth = SectionTruth.of(s, entry.world, exit.world);
            Files.write(outDir.resolve("section-truth.json"), CanonicalJson.write(truth));
            EmbeddedBroker broker = null;
            if (brokerUri == null) {
                broker = new EmbeddedBroker(outDir.resolve("broker"), 0, EmbeddedBroker.Persistence.IN_MEMORY);
                broker.start();
                brokerUri = broker.uri();
            }
            try {
                return deliver(s, truth, outDir, brokerUri, List.of(entry, exit), start);
            } finally {
                if (broker != null) {
                    broker.close();
                }
            }
        }
    }

    private static Outcome deliver(SectionScenario s, SectionTruth truth, Path outDir, String brokerUri,
                                   List<SectionUnit> units, long start) throws Exception {
        Path storeDir = outDir.resolve("center");
        UnitKeyRegistry keys = new UnitKeyRegistry();
        units.forEach(u -> keys.register(u.unitId, u.unitKey.getPublic()));
        try (CenterStore store = new CenterStore(storeDir, Clock.systemUTC());
             SectionCenter sections = new SectionCenter(storeDir, store, SectionPolicy.DEFAULTS, Clock.systemUTC());
             PahoTransport centerLink = new PahoTransport(TransportSettings.of(brokerUri, "center-section"))) {
            CenterReceiver receiver = new CenterReceiver(centerLink, Topics.DEFAULT, Topics.DEFAULT_SHARE_GROUP, keys, store,
                    Clock.systemUTC());
            receiver.addListener(sections.listener());
            receiver.start();
            for (SectionUnit u : units) {
                Path db = outDir.resolve(u == units.get(0) ? "entry" : "exit").resolve("unit.db");
                try (SqliteOutbox outbox = new SqliteOutbox(db, Clock.systemUTC());
                     PahoTransport link = new PahoTransport(TransportSettings.of(brokerUri, "unit-" + u.unitId));
                     SyncService sync = new SyncService(outbox, link, Topics.DEFAULT, u.unitId,
                             SyncSettings.defaults().withIdlePoll(Duration.ofMillis(200)))) {
                    sync.start();
                    if (!sync.awaitIdle(DELIVERY)) {
                        log.warn("unit {}: not every passage was acknowledged within {}", u.unitId, DELIVERY);
                    }
                }
            }
            List<SectionCase> cases = sections.cases();
            long[] passages = sections.passageCounts();
            return new Outcome(s.name(), truth, cases, SectionScore.of(truth, cases), passages[0], passages[1],
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
