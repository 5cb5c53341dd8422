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

    public static void main(String[] args) {
        System.exit(new CommandLine(new SyncAgentMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Topics topics = new Topics(prefix);
        String id = clientId != null ? clientId : "unit-" + unit;
        SqliteOutbox outbox = new SqliteOutbox(db, Clock.systemUTC());
        PahoTransport transport = new PahoTransport(TransportSettings.of(broker, id));
        SyncService service = new SyncService(outbox, transport, topics, unit,
                SyncSettings.defaults().withResendAfter(resendAfter));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping sync of unit {}", unit);
            service.stop();
            transport.close();
            outbox.close();
            stopped.countDown();
        }, "sync-shutdown"));
        service.start();
        stopped.await();
        return 0;
    }
}
