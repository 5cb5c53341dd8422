package tw.enforce.sync.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import tw.enforce.sync.command.CommandChannel;
import tw.enforce.sync.command.CommandLog;
import tw.enforce.sync.command.CommandVerifier;
import tw.enforce.sync.command.SignedCommand;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.PackageCodec;
import tw.enforce.sync.testing.CuttingProxy;
import tw.enforce.sync.testing.Mosquitto;
import tw.enforce.sync.testing.SyncRig;
import tw.enforce.sync.testing.TestCertificates;

/**
 * The unit's link to a real Mosquitto: retained status with last will, periodic stats, the signed
 * command channel, mutual TLS and the per-unit ACL.
 */
class MosquittoLinkIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    Path binary;

    @BeforeEach
    void needMosquitto() {
        binary = Mosquitto.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, Mosquitto.MISSING);
    }

    @Test
    void statusIsRetainedOnlineAndTheLastWillSaysOfflineWhenTheLinkDies() throws Exception {
        try (Mosquitto broker = new Mosquitto(binary, tmp.resolve("mosquitto")).start();
             CuttingProxy link = new CuttingProxy(broker.port());
             SyncRig rig = new SyncRig(tmp, link.uri(), broker.uri(), "status");
             PahoTransport watcher = new PahoTransport(TransportSettings.of(broker.uri(), "watcher-status"))) {
            rig.startUnit();
            List<String> seen = new CopyOnWriteArrayList<>();
            assertTrue(await(() -> rig.sync.stats().connected()));
            Thread.sleep(300); // the status goes out from the drain thread; subscribing late proves it is retained
            watcher.subscribe(rig.topics.status(rig.unitId), (t, p) -> seen.add(new String(p, StandardCharsets.UTF_8)));
            watcher.start();
            assertTrue(await(() -> seen.stream().anyMatch(s -> s.contains("\"online\""))), "retained online: " + seen);

            link.cutAll();

            assertTrue(await(() -> seen.stream().anyMatch(s -> s.contains("\"offline\""))), "no last will: " + seen);
            assertTrue(await(() -> seen.get(seen.size() - 1).contains("\"online\"")), "not online again: " + seen);
            rig.sync.stop();
            assertTrue(await(() -> seen.get(seen.size() - 1).contains("\"offline\"")), "clean stop: " + seen);
        }
    }

    @Test
    void mutualTlsDeliversAndTheAclKeepsAUnitToItsOwnTopics() throws Exception {
        Assumptions.assumeTrue(TestCertificates.toolsPresent(), "openssl and keytool are needed to make test certificates");
        TestCertificates certs = TestCertificates.make(tmp.resolve("certs"), "broker", List.of("U-tls", "center-1"));
        String prefix = "it-tls/enforce/v1/";
        Path acl = tmp.resolve("acl");
        Files.writeString(acl, Files.readString(Path.of("mosquitto/acl.example")).replace("enforce/v1/", prefix));
        String tlsConfig = String.join("\n",
                "cafile " + certs.ca(), "certfile " + certs.pem("broker"), "keyfile " + certs.key("broker"),
                "require_certificate true", "use_identity_as_username true", "acl_file " + acl);
        try (Mosquitto broker = new Mosquitto(binary, tmp.resolve("mosquitto"), tlsConfig).start()) {
            String uri = "ssl://127.0.0.1:" + broker.port();
            TransportSettings unit = TransportSettings.of(uri, "unit-tls").withTls(tls(certs, "U-tls"));
            TransportSettings center = TransportSettings.of(uri, "center-1").withTls(tls(certs, "center-1"));
            try (SyncRig rig = new SyncRig(tmp, unit, center, "tls")) {
                rig.startCenter();
                rig.startUnit();
                Path dir = rig.enqueueSigned("pkg-tls-1", 1);

                assertTrue(rig.sync.awaitIdle(WAIT), "not delivered over TLS: " + rig.outbox.countByState());
                assertEquals(OutboxState.ACKNOWLEDGED, rig.outbox.find("pkg-tls-1").orElseThrow().state());

                TransportException denied = assertThrows(TransportException.class,
                        () -> rig.unitTransport.publish(prefix + "U-other/violation", PackageCodec.encode(dir)));
                assertTrue(denied.getMessage().contains("0x87"), denied.getMessage());
                assertEquals(1, rig.store.list().size(), "nothing arrived in another unit's name");
            }
            TlsSettings trustOnly = new TlsSettings(null, TestCertificates.PASSWORD, certs.trust(), TestCertificates.PASSWORD);
            try (PahoTransport noCert = new PahoTransport(TransportSettings.of(uri, "intruder").withTls(trustOnly)
                    .withConnectTimeout(Duration.ofSeconds(2)))) {
                noCert.start();
                assertFalse(noCert.awaitConnected(Duration.ofSeconds(3)), "a client without a certificate got in");
            }
        }
    }

    @Test
    void signedCommandRunsOnceAndEveryRefusalIsAnsweredWithItsReason() throws Exception {
        KeyPair centerKey = Ed25519Keys.generate();
        try (Mosquitto broker = new Mosquitto(binary, tmp.resolve("mosquitto")).start();
             SyncRig rig = new SyncRig(tmp, broker.uri(), "cmd");
             CommandLog seen = new CommandLog(tmp.resolve("unit-commands.db"));
             PahoTransport center = new PahoTransport(TransportSettings.of(broker.uri(), "center-cmd"))) {
            CommandVerifier verifier = new CommandVerifier(centerKey.getPublic(), rig.unitId, seen,
                    java.time.Clock.systemUTC(), Duration.ofHours(1), Duration.ofMinutes(1));
            new CommandChannel(rig.unitTransport, rig.topics, rig.unitId, verifier, java.time.Clock.systemUTC())
                    .register("ping", c -> "pong").start();
            List<String> results = new CopyOnWriteArrayList<>();
            center.subscribe(rig.topics.commandResult(rig.unitId), (t, p) -> results.add(new String(p, StandardCharsets.UTF_8)));
            center.start();
            rig.startUnit();
            assertTrue(center.awaitConnected(WAIT) && rig.unitTransport.awaitConnected(WAIT));
            Instant now = Instant.now();
            byte[] ping = new SignedCommand("cmd-1", rig.unitId, "ping", now.minusSeconds(5), now.plusSeconds(300), Map.of())
                    .sign(centerKey.getPrivate());
            String topic = rig.topics.command(rig.unitId);

            center.publish(topic, ping);
            center.publish(topic, ping);
            center.publish(topic, "{\"body\":\"e30=\"}".getBytes(StandardCharsets.UTF_8));
            center.publish(topic, new SignedCommand("cmd-2", rig.unitId, "reboot", now, now.plusSeconds(300), Map.of())
                    .sign(centerKey.getPrivate()));

            assertTrue(await(() -> results.size() == 4), "results: " + results);
            assertTrue(results.get(0).contains("\"EXECUTED\"") && results.get(0).contains("pong"), results.get(0));
            assertTrue(results.get(1).contains("\"REJECTED\"") && results.get(1).contains("replayed"), results.get(1));
            assertTrue(results.get(2).contains("\"REJECTED\"") && results.get(2).contains("unsigned"), results.get(2));
            assertTrue(results.get(3).contains("unknown command"), results.get(3));
        }
    }

    @Test
    void statsReportViolationsPerRuleLaneAndHourPeriodically() throws Exception {
        try (Mosquitto broker = new Mosquitto(binary, tmp.resolve("mosquitto")).start();
             SyncRig rig = new SyncRig(tmp, TransportSettings.of(broker.uri(), "unit-stats"),
                     TransportSettings.of(broker.uri(), "center-stats"), "stats",
                     s -> s.withStatsEvery(Duration.ofMillis(300)));
             PahoTransport watcher = new PahoTransport(TransportSettings.of(broker.uri(), "watcher-stats"))) {
            List<String> stats = new CopyOnWriteArrayList<>();
            watcher.subscribe(rig.topics.stats(rig.unitId), (t, p) -> stats.add(new String(p, StandardCharsets.UTF_8)));
            watcher.start();
            assertTrue(watcher.awaitConnected(WAIT));
            rig.startCenter();
            rig.startUnit();
            rig.enqueueSigned("pkg-st-1", 1);
            rig.enqueueSigned("pkg-st-2", 2);
            assertTrue(rig.sync.awaitIdle(WAIT));

            assertTrue(await(() -> !stats.isEmpty() && stats.get(stats.size() - 1).contains("\"ACKNOWLEDGED\":2")),
                    "stats: " + stats);
            String last = stats.get(stats.size() - 1);
            assertTrue(last.contains("\"perRule\":{\"red-light\":2}"), last);
            assertTrue(last.contains("\"perLane\":{\"L1\":1,\"L2\":1}"), last);
            assertTrue(last.contains("\"perHour\":{\"2026-03-01T08:00Z\":2}"), last);
            assertTrue(stats.size() >= 2, "periodic: " + stats.size());
        }
    }

    private static TlsSettings tls(TestCertificates certs, String name) {
        return new TlsSettings(certs.p12(name), TestCertificates.PASSWORD, certs.trust(), TestCertificates.PASSWORD);
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static boolean await(Condition c) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (c.holds()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return c.holds();
    }
}
