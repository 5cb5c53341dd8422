package tw.enforce.sync.center;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.enforce.sync.broker.EmbeddedBroker;
import tw.enforce.sync.mqtt.PahoTransport;
import tw.enforce.sync.mqtt.TlsSettings;
import tw.enforce.sync.mqtt.TransportSettings;
import tw.enforce.sync.protocol.Topics;
import tw.enforce.sync.section.SectionCenter;
import tw.enforce.sync.section.SectionPolicy;
import tw.enforce.sync.section.SectionsCommand;

/** The reference center: {@code serve} receives until SIGTERM, {@code list} prints what the store holds. */
@Command(name = "enforce-center", mixinStandardHelpOptions = true,
        subcommands = {CenterMain.Serve.class, CenterMain.ListStore.class, CenterMain.Gaps.class, SectionsCommand.class},
        description = "Reference center receiver for unit evidence.")
public final class CenterMain {
    private static final Logger log = LoggerFactory.getLogger(CenterMain.class);

    public static void main(String[] args) {
        System.exit(new CommandLine(new CenterMain()).execute(args));
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Receive, verify, store and ack packages.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--broker", description = "broker URI, e.g. tcp://broker:1883 (omit with --embedded-broker)")
        String broker;

        @Option(names = "--embedded-broker", paramLabel = "PORT",
                description = "run an in-process broker on 127.0.0.1:PORT (single-machine center); needs HiveMQ CE embedded on the classpath")
        Integer embeddedPort;

        @Option(names = "--keys", required = true, description = "folder of <unitId>.pub unit keys")
        Path keys;

        @Option(names = "--store", required = true, description = "store folder (center.db, packages/, quarantine/)")
        Path storeDir;

        @Option(names = "--prefix", defaultValue = Topics.DEFAULT_PREFIX, description = "topic prefix (default ${DEFAULT-VALUE})")
        String prefix;

        @Option(names = "--client-id", defaultValue = "center-1", description = "MQTT client id, unique per receiver (default ${DEFAULT-VALUE})")
        String clientId;

        @Option(names = "--group", defaultValue = Topics.DEFAULT_SHARE_GROUP, description = "shared subscription group (default ${DEFAULT-VALUE})")
        String group;

        @Option(names = "--tls-keystore", description = "PKCS#12 with this receiver's certificate and key (broker URI ssl://)")
        Path tlsKeyStore;

        @Option(names = "--tls-truststore", description = "PKCS#12 with the CA that signed the broker's certificate")
        Path tlsTrustStore;

        @Option(names = "--tls-password-env", defaultValue = "ENFORCE_TLS_PASSWORD",
                description = "environment variable holding both stores' password (default ${DEFAULT-VALUE})")
        String tlsPasswordEnv;

        @Override
        public Integer call() throws Exception {
            if ((tlsKeyStore == null) != (tlsTrustStore == null)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "give both --tls-keystore and --tls-truststore, or neither");
            }
            if ((broker == null) == (embeddedPort == null)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "give exactly one of --broker and --embedded-broker");
            }
            EmbeddedBroker embedded = null;
            if (embeddedPort != null) {
                embedded = new EmbeddedBroker(storeDir.resolve("broker"), embeddedPort, EmbeddedBroker.Persistence.FILE);
                embedded.start();
                broker = embedded.uri();
            }
            UnitKeyRegistry registry = UnitKeyRegistry.fromFolder(keys);
            CenterStore store = new CenterStore(storeDir, Clock.systemUTC());
            TransportSettings link = TransportSettings.of(broker, clientId);
            if (tlsKeyStore != null) {
                String password = System.getenv(tlsPasswordEnv);
                if (password == null) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "environment variable "
                            + tlsPasswordEnv + " (the TLS stores' password) is not set");
                }
                link = link.withTls(new TlsSettings(tlsKeyStore, password, tlsTrustStore, password));
            }
            PahoTransport transport = new PahoTransport(link);
            CenterReceiver receiver = new CenterReceiver(transport, new Topics(prefix), group, registry, store,
                    Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            EmbeddedBroker toStop = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("stopping center receiver {}: {}", clientId, receiver.counts());
                transport.close();
                store.close();
                if (toStop != null) {
                    toStop.stop();
                }
                stopped.countDown();
            }, "center-shutdown"));
            SectionCenter sections = new SectionCenter(storeDir, store, SectionPolicy.DEFAULTS, Clock.systemUTC());
            sections.catchUp();
            receiver.addListener(sections.listener());
            receiver.start();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the packages in a store.")
    static final class ListStore implements Callable<Integer> {
        @Option(names = "--store", required = true, description = "store folder")
        Path storeDir;

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isRegularFile(storeDir.resolve("center.db"))) {
                System.err.println("no center store in " + storeDir + " (center.db missing)");
                return 2;
            }
            try (CenterStore store = new CenterStore(storeDir, Clock.systemUTC())) {
                System.out.printf("%-24s %-28s %-12s %10s  %-9s %s%n", "received", "package", "unit", "sequence", "status", "reasons");
                for (StoredPackage p : store.list()) {
                    System.out.printf("%-24s %-28s %-12s %10s  %-9s %s%n", p.receivedAt(), p.packageId(), p.unitId(),
                            p.sequence() == null ? "-" : p.sequence(), p.status(), String.join("; ", p.failureReasons()));
                }
            }
            return 0;
        }
    }

    @Command(name = "gaps", mixinStandardHelpOptions = true,
            description = "Print each unit's missing sequences (exit 3 when there are any).")
    static final class Gaps implements Callable<Integer> {
        @Option(names = "--store", required = true, description = "store folder")
        Path storeDir;

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isRegularFile(storeDir.resolve("center.db"))) {
                System.err.println("no center store in " + storeDir + " (center.db missing)");
                return 2;
            }
            try (CenterStore store = new CenterStore(storeDir, Clock.systemUTC())) {
                java.util.List<ChainGap> gaps = store.gaps();
                for (ChainGap g : gaps) {
                    System.out.printf("%-12s missing %d..%d%n", g.unitId(), g.from(), g.to());
                }
                return gaps.isEmpty() ? 0 : 3;
            }
        }
    }
}
