package tw.enforce.radar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readings from a radar's serial line in {@link RadarLineProtocol}, each stamped with the injected
 * clock when its line arrived, minus the age the radar reported. On a unit the stream is the serial
 * device, set up beforehand with {@code stty -F /dev/ttyUSB0 9600 raw -echo} (or a simulator's
 * pipe). Banner and diagnostic lines (not starting with {@code $}) are skipped; lines that break the
 * protocol (line noise) are counted in {@link #badLines()} and logged with the reason, not thrown;
 * sequence jumps are counted in {@link #lostReadings()}. Reading thread only.
 */
public final class LineRadarSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LineRadarSource.class);

    private final String name;
    private final BufferedReader in;
    private final Clock clock;
    private long lastSequence = -1;
    private long badLines;
    private long lost;

    public LineRadarSource(String name, InputStream in, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The next valid reading, blocking until a line arrives; empty at the end of the stream.
     *
     * @throws IOException naming the radar when the line cannot be read (device unplugged)
     */
    public Optional<RadarReading> next() throws IOException {
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new IOException("radar " + name + ": cannot read the serial line: " + e.getMessage(), e);
            }
            if (line == null) {
                return Optional.empty();
            }
            if (!line.startsWith("$")) {
                continue;
            }
            try {
                RadarReading reading = RadarLineProtocol.parse(line, clock.instant());
                if (lastSequence >= 0) {
                    lost += (reading.sequence() - lastSequence - 1 + 65536) % 65536;
                }
                lastSequence = reading.sequence();
                return Optional.of(reading);
            } catch (RadarFormatException e) {
                badLines++;
                log.warn("radar {}: skipped {} ({} bad lines so far)", name, e.getMessage(), badLines);
            }
        }
    }

    public long badLines() {
        return badLines;
    }

    /** Readings missing from the sequence (lines lost or garbled). */
    public long lostReadings() {
        return lost;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            log.debug("radar {}: close failed: {}", name, e.toString());
        }
    }
}
