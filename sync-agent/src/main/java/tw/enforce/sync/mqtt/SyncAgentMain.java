package tw.enforce.sync.mqtt;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.enforce.sync.outbox.SqliteOutbox;
import tw.enforce.sync.command.CommandChannel;
import tw.enforce.sync.command.CommandLog;
import tw.enforce.sync.command.CommandVerifier;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.Topics;

/** The unit's sync service process (systemd: enforce-sync): drains the outbox until SIGTERM. */
@Command(name = "enforce-sync", mixinStandardHelpOptions = true,
        description = "Sends the unit's evidence outbox to the center over MQTT 5 until stopped.")
public final class SyncAgentMain implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(SyncAgentMain.class);

    @Option(names = "--db", required = true, description = "unit SQLite database holding the outbox")
    Path db;

    @Option(names = "--broker", required = true, description = "broker URI, e.g. tcp://center.example:1883")
    String broker;

    @Option(names = "--unit", required = true, description = "this unit's id")
    String unit;

    @Option(names = "--prefix", defaultValue = Topics.DEFAULT_PREFIX, description = "topic prefix (default ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--client-id", description = "MQTT client id (default unit-<unit>)")
    String clientId;

    @Option(names = "--resend-after", defaultValue = "PT2M", description = "resend when no ack came within this ISO-8601 duration")
    Duration resendAfter;

    @Option(names = "--max-bytes-per-second", defaultValue = "0", description = "bandwidth cap of the drain, 0 = none")
    long maxBytesPerSecond;

    @Option(names = "--max-messages-per-second", defaultValue = "0", description = "drain rate limit, 0 = none")
    double maxMessagesPerSecond;

    @Option(names = "--tls-keystore", description = "PKCS#12 with this unit's certificate and key (broker URI ssl://)")
    Path tlsKeyStore;

    @Option(names = "--tls-truststore", description = "PKCS#12 with the CA that signed the broker's certificate")
    Path tlsTrustStore;

    @Option(names = "--tls-password-env", defaultValue = "ENFORCE_TLS_PASSWORD",
            description = "environment variable holding both stores' password (default ${DEFAULT-VALUE})")
    String tlsPasswordEnv;

    @Option(names = "--center-key", description = "the center's Ed25519 public key: enables the signed cmd channel")
    Path centerKey;

    @Option(names = "--stats-every", defaultValue = "PT15M", description = "period of the stats message (ISO-8601, PT0S = never)")
    Duration statsEvery;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SyncAgentMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Topics topics = new Topics(prefix);
        String id = clientId != null ? clientId : "unit-" + unit;
        SqliteOutbox outbox = new SqliteOutbox(db, Clock.systemUTC());
        TransportSettings link = TransportSettings.of(broker, id).withWill(UnitStatus.will(topics.status(unit), unit));
        if ((tlsKeyStore == null) != (tlsTrustStore == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give both --tls-keystore and --tls-truststore, or neither");
        }
        if (tlsKeyStore != null) {
            String password = System.getenv(tlsPasswordEnv);
            if (password == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "environment variable " + tlsPasswordEnv
                        + " (the TLS stores' password) is not set");
            }
            link = link.withTls(new TlsSettings(tlsKeyStore, password, tlsTrustStore, password));
        }
        PahoTransport transport = new PahoTransport(link);
        SyncService service = new SyncService(outbox, transport, topics, unit,
                SyncSettings.defaults().withResendAfter(resendAfter).withLimits(maxBytesPerSecond, maxMessagesPerSecond)
                        .withStatsEvery(statsEvery));
        CommandLog commandLog = null;
        if (centerKey != null) {
            commandLog = new CommandLog(db);
            CommandVerifier verifier = new CommandVerifier(Ed25519Keys.readPublicKey(centerKey), unit, commandLog,
                    Clock.systemUTC(), Duration.ofDays(1), Duration.ofMinutes(5));
            new CommandChannel(transport, topics, unit, verifier, Clock.systemUTC())
                    .register("ping", c -> service.stats().toString())
                    .register("sync-now", c -> {
                        service.nudge();
                        return "drain nudged";
                    })
                    .start();
        }
        CommandLog toClose = commandLog;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping sync of unit {}", unit);
            service.stop();
            transport.close();
            outbox.close();
            if (toClose != null) {
                try {
                    toClose.close();
                } catch (java.sql.SQLException e) {
                    log.warn("closing the command log: {}", e.getMessage());
                }
            }
            stopped.countDown();
        }, "sync-shutdown"));
        service.start();
        stopped.await();
        return 0;
    }
}
