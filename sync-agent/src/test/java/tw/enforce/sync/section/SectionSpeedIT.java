package tw.enforce.sync.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.broker.EmbeddedBroker;
import tw.enforce.sync.center.CenterReceiver;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.center.UnitKeyRegistry;
import tw.enforce.sync.mqtt.PahoTransport;
import tw.enforce.sync.mqtt.SyncService;
import tw.enforce.sync.mqtt.SyncSettings;
import tw.enforce.sync.mqtt.TransportSettings;
import tw.enforce.sync.outbox.OutboxEntry;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.outbox.SqliteOutbox;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.Topics;
import tw.enforce.sync.testing.TestPassages;
import tw.enforce.sync.testing.TestPassages.Spec;

/**
 * Two section units' outboxes → Paho → HiveMQ over TCP → one center receiver with the section
 * center listening: passages arrive from both ends (exit before entry for one vehicle) and the
 * center makes its cases as they are stored.
 */
class SectionSpeedIT {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private record Unit(String id, KeyPair key, SqliteOutbox outbox, PahoTransport link, SyncService sync) {
        void close() {
            sync.stop();
            link.close();
            outbox.close();
        }
    }

    private static Unit unit(Path dir, String id, String broker, Topics topics) throws Exception {
        SqliteOutbox outbox = new SqliteOutbox(dir.resolve(id + ".db"), Clock.systemUTC());
        PahoTransport link = new PahoTransport(TransportSettings.of(broker, "unit-" + id));
        SyncService sync = new SyncService(outbox, link, topics, id, SyncSettings.defaults()
                .withIdlePoll(Duration.ofMillis(100)).withResendAfter(Duration.ofSeconds(2)));
        return new Unit(id, Ed25519Keys.generate(), outbox, link, sync);
    }

    private static void send(Unit u, TestPassages passages, Spec s) throws Exception {
        Path dir = passages.write(s, u.key().getPrivate());
        u.outbox().enqueue(new OutboxEntry(dir.getFileName().toString(), u.id(), dir, 5, Instant.now(),
                OutboxState.STORED, 0));
        u.sync().nudge();
    }

    @Test
    void passagesFromTwoUnitsBecomeSectionCasesAtTheCenter() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker(tmp.resolve("broker"))) {
            broker.start();
            Topics topics = new Topics("it-section/enforce/v1/");
            Unit a = unit(tmp, "SEC-A", broker.uri(), topics);
            Unit b = unit(tmp, "SEC-B", broker.uri(), topics);
            UnitKeyRegistry keys = new UnitKeyRegistry();
            keys.register(a.id(), a.key().getPublic());
            keys.register(b.id(), b.key().getPublic());
            Path storeDir = tmp.resolve("center");
            try (CenterStore store = new CenterStore(storeDir, Clock.systemUTC());
                 PahoTransport centerLink = new PahoTransport(TransportSettings.of(broker.uri(), "center-section"));
                 SectionCenter sections = new SectionCenter(storeDir, store, SectionPolicy.DEFAULTS, Clock.systemUTC())) {
                CenterReceiver receiver = new CenterReceiver(centerLink, topics, "center", keys, store, Clock.systemUTC());
                receiver.addListener(sections.listener());
                receiver.start();
                a.sync().start();
                b.sync().start();
                TestPassages passages = new TestPassages(tmp.resolve("packages"));

                send(b, passages, Spec.of("SEC-B", "exit", "SEC-A", "KLA-5501", T0.plusSeconds(50)));   // exit first
                send(a, passages, Spec.of("SEC-A", "entry", "SEC-B", "KLA-5501", T0));                  // 86.4 km/h
                send(a, passages, Spec.of("SEC-A", "entry", "SEC-B", "RBD-2026", T0.plusSeconds(10)));
                send(b, passages, Spec.of("SEC-B", "exit", "SEC-A", "RBD-2026", T0.plusSeconds(100))); // 48 km/h
                send(a, passages, Spec.of("SEC-A", "entry", "SEC-B", null, T0.plusSeconds(20)));      // unread
                send(b, passages, Spec.of("SEC-B", "exit", "SEC-A", null, T0.plusSeconds(60)));

                assertTrue(a.sync().awaitIdle(WAIT) && b.sync().awaitIdle(WAIT), "outboxes not drained");
                assertTrue(receiver.awaitAccepted(6, WAIT));
                List<SectionCase> cases = sections.cases();
                assertEquals(2, cases.size(), cases.toString());
                SectionCase fast = cases.stream().filter(c -> c.plate().equals("KLA5501")).findFirst().orElseThrow();
                assertEquals(SectionDecisionRecord.Status.VIOLATION, fast.status());
                assertEquals(86.4, fast.speedKmh(), 1e-9);
                assertEquals(T0.plusSeconds(50), fast.eventTime());
                SectionCase legal = cases.stream().filter(c -> c.plate().equals("RBD2026")).findFirst().orElseThrow();
                assertEquals(SectionDecisionRecord.Status.NO_VIOLATION, legal.status());
                assertEquals(List.of(), sections.verify());
                assertEquals(2L, sections.passageCounts()[1]);
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
