package tw.enforce.radar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The radar end of a serial line, for the simulator and tests: {@link #measure} sends a
 * {@link RadarLineProtocol} line, {@link #sendRaw} anything (banners, line noise), and
 * {@link #input()} is what a {@link LineRadarSource} reads, blocking until a line is sent; after
 * {@link #close()} the stream ends once drained. Any thread may send; one thread reads.
 */
public final class SimulatedRadar implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private final InputStream input = new LineInput();
    private long sequence;
    private volatile boolean closed;

    /** Sends one measurement made {@code ageMs} before now; sequence numbers count up from 0. */
    public synchronized void measure(double speedKmh, RadarReading.Direction direction, int ageMs) {
        sendRaw(RadarLineProtocol.format(sequence++, speedKmh, direction, ageMs));
    }

    /** Sends {@code line} followed by CR LF, as the radar's UART would. */
    public void sendRaw(String line) {
        if (closed) {
            throw new IllegalStateException("simulated radar is closed");
        }
        lines.add((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    public InputStream input() {
        return input;
    }

    @Override
    public void close() {
        closed = true;
        lines.add(END);
    }

    private final class LineInput extends InputStream {
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos >= current.length) {
                if (ended) {
                    return -1;
                }
                try {
                    current = lines.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the simulated radar", e);
                }
                pos = 0;
                if (current == END) {
                    ended = true;
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
