package tw.enforce.sync.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker in this JVM (HiveMQ CE embedded), for the demo, the tests and a single-machine
 * center. Listens on 127.0.0.1 only, never phones home (usage statistics off), keeps its config,
 * data and extension folders under the given work folder. Cold start takes about 5 s. It can be
 * stopped and started again on the same port (a new HiveMQ instance each time); with
 * {@link Persistence#FILE} the sessions and queued messages survive that.
 *
 * <p>HiveMQ is an optional dependency of sync-agent: a module that starts this broker declares
 * {@code com.hivemq:hivemq-community-edition-embedded} itself.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long START_TIMEOUT_S = 60;

    public enum Persistence { FILE, IN_MEMORY }

    private final Path workDir;
    private final int port;
    private final Persistence persistence;
    private EmbeddedHiveMQ hivemq;

    /** A broker on {@code port}, or on a free port chosen now when {@code port} is 0. */
    public EmbeddedBroker(Path workDir, int port, Persistence persistence) throws IOException {
        this.workDir = workDir;
        this.port = port != 0 ? port : freePort();
        this.persistence = persistence;
    }

    public EmbeddedBroker(Path workDir) throws IOException {
        this(workDir, 0, Persistence.IN_MEMORY);
    }

    public synchronized void start() throws IOException {
        if (hivemq != null) {
            return;
        }
        Path conf = Files.createDirectories(workDir.resolve("conf"));
        Path data = Files.createDirectories(workDir.resolve("data"));
        Path extensions = Files.createDirectories(workDir.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), config(), StandardCharsets.UTF_8);
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
        long t0 = System.nanoTime();
        try {
            broker.start().get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(broker);
            throw new IOException("interrupted while starting the embedded broker", e);
        } catch (ExecutionException | TimeoutException e) {
            closeQuietly(broker);
            throw new IOException("embedded broker did not start on 127.0.0.1:" + port + ": " + e, e);
        }
        hivemq = broker;
        log.info("embedded MQTT broker listening on 127.0.0.1:{} (started in {} ms)", port,
                (System.nanoTime() - t0) / 1_000_000);
    }

    public synchronized void stop() {
        if (hivemq == null) {
            return;
        }
        closeQuietly(hivemq);
        hivemq = null;
        log.info("embedded MQTT broker on port {} stopped", port);
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return hivemq != null;
    }

    private String config() {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>%s</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, persistence == Persistence.FILE ? "file" : "in-memory");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void closeQuietly(EmbeddedHiveMQ broker) {
        try {
            broker.stop().get(30, TimeUnit.SECONDS);
            broker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("embedded broker did not stop cleanly: {}", e.toString());
        }
    }
}
