package tw.enforce.sync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between a client and the broker that cuts the link on demand, after Paho's
 * ConnectionManipulationProxyServer: {@link #cutAll()} drops every open connection at once, and
 * {@link #cutEvery(long)} drops a connection as soon as it has carried that many bytes towards the
 * broker, which lands in the middle of an MQTT packet whenever packets are larger than a few bytes.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile long cutAfterBytes = Long.MAX_VALUE;
    private volatile boolean closed;

    public CuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections cut so far (by either kind of cut). */
    public int cuts() {
        return cuts.get();
    }

    public void cutEvery(long upstreamBytes) {
        cutAfterBytes = upstreamBytes;
    }

    public void cutAll() {
        if (!open.isEmpty()) {
            cuts.incrementAndGet();
        }
        for (Socket s : open) {
            cut(s);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket();
                try {
                    broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(broker);
                AtomicLong up = new AtomicLong();
                pump(client, broker, up, true);
                pump(broker, client, up, false);
            } catch (IOException e) {
                if (!closed) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong upstream, boolean countsTowardsCut) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (countsTowardsCut) {
                        long limit = cutAfterBytes;
                        long before = upstream.get();
                        if (before + n >= limit) {
                            int part = (int) Math.max(0, limit - before);
                            out.write(buf, 0, part);
                            out.flush();
                            cuts.incrementAndGet();
                            break;
                        }
                        upstream.addAndGet(n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away or we cut it
            } finally {
                cut(from);
                cut(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void cut(Socket s) {
        if (open.remove(s)) {
            try {
                s.setSoLinger(true, 0); // RST, as a dropped cellular link looks to the peers
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        cutAll();
    }
}
