package tw.enforce.runtime.diag;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's local diagnostics endpoint: a Unix domain socket (never a network port: only
 * someone logged into the unit can ask). One request line per connection ("status"), one JSON line
 * back. Runs on its own named thread; a bad request gets an error line, never stops the server.
 */
public final class DiagnosticsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiagnosticsServer.class);
    private final Path socket;
    private final Supplier<StatusReport> status;
    private final ObjectMapper json;
    private final ServerSocketChannel server;
    private final Thread thread;

    public DiagnosticsServer(Path socket, Supplier<StatusReport> status, ObjectMapper json) throws IOException {
        this.socket = socket;
        this.status = status;
        this.json = json;
        Files.deleteIfExists(socket);
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.thread = new Thread(this::serve, "diag-server");
        thread.setDaemon(true);
        thread.start();
        log.info("diagnostics on {}", socket);
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel ch = server.accept()) {
                String request = readLine(ch);
                String reply = switch (request) {
                    case "status" -> json.writeValueAsString(status.get());
                    default -> "{\"error\":\"unknown request '" + request.replace("\"", "'") + "'; try 'status'\"}";
                };
                ch.write(ByteBuffer.wrap((reply + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                if (server.isOpen()) {
                    log.warn("diagnostics request failed: {}", e.getMessage());
                }
            } catch (RuntimeException e) {
                log.error("diagnostics request crashed", e);
            }
        }
    }

    static String readLine(SocketChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(256);
        StringBuilder sb = new StringBuilder();
        while (ch.read(buf) > 0) {
            buf.flip();
            String part = StandardCharsets.UTF_8.decode(buf).toString();
            buf.clear();
            int nl = part.indexOf('\n');
            if (nl >= 0) {
                sb.append(part, 0, nl);
                break;
            }
            sb.append(part);
            if (sb.length() > 4096) {
                break;
            }
        }
        return sb.toString().trim();
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.warn("closing diagnostics socket: {}", e.getMessage());
        }
    }
}
