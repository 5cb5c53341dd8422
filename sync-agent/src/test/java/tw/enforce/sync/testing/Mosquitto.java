package tw.enforce.sync.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker run from its binary with a generated config: 127.0.0.1 on a port chosen
 * once (so a restart comes back where clients expect it), file persistence in its own folder.
 * {@link #stop()} sends SIGTERM, which makes Mosquitto save its store, and {@link #start()} can be
 * called again. The binary comes from system property {@code enforce.mosquitto}, environment
 * variable {@code ENFORCE_MOSQUITTO}, or the Debian package's {@code /usr/sbin/mosquitto}.
 */
public final class Mosquitto implements AutoCloseable {
    private final Path binary;
    private final Path dir;
    private final int port;
    private final String extraConfig;
    private Process process;

    public Mosquitto(Path binary, Path dir, String extraConfig) throws IOException {
        this.binary = binary;
        this.dir = Files.createDirectories(dir);
        this.port = freePort();
        this.extraConfig = extraConfig;
        Files.createDirectories(dir.resolve("data"));
    }

    public Mosquitto(Path binary, Path dir) throws IOException {
        this(binary, dir, "");
    }

    /** The broker binary if this machine has one. */
    public static Optional<Path> binary() {
        String named = System.getProperty("enforce.mosquitto", System.getenv("ENFORCE_MOSQUITTO"));
        if (named != null && !named.isBlank()) {
            Path p = Path.of(named);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        Path debian = Path.of("/usr/sbin/mosquitto");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }

    public static final String MISSING = "no mosquitto binary (set ENFORCE_MOSQUITTO or -Denforce.mosquitto, "
            + "or run .ci/mosquitto.sh install)";

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    public synchronized Mosquitto start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return this;
        }
        Path conf = dir.resolve("mosquitto.conf");
        // "user root": as root Mosquitto would drop to user mosquitto, who cannot enter JUnit's 0700 temp dirs
        Files.writeString(conf, String.join("\n",
                "user root",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir.resolve("data").toAbsolutePath() + "/",
                "log_dest file " + log().toAbsolutePath(),
                "log_type error", "log_type warning", "log_type notice",
                extraConfig,
                ""));
        process = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + "; log: " + Files.readString(log()));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return this;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on " + port + " within 10 s");
    }

    /** SIGTERM and wait: Mosquitto saves its persistent store on the way out. */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
