package tw.enforce.watchdog;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux's watchdog device ({@code /dev/watchdog}): opening it arms the timer, every write pets it,
 * and writing {@code 'V'} just before closing ("magic close") disarms it, unless the driver was built
 * or loaded with {@code nowayout}. Any file works for tests and dry runs.
 */
public final class FileWatchdog implements Watchdog {

    private static final Logger log = LoggerFactory.getLogger(FileWatchdog.class);
    private static final byte PET = 0;
    private static final byte MAGIC_CLOSE = 'V';

    private final Path device;
    private final FileOutputStream out;
    private boolean closed;

    /**
     * Opens (and so arms) the device.
     *
     * @throws IOException naming the device when it is missing, busy (another process holds it) or not writable
     */
    public FileWatchdog(Path device) throws IOException {
        this.device = device;
        try {
            this.out = new FileOutputStream(device.toFile(), true);
        } catch (IOException e) {
            throw new IOException("cannot open watchdog device " + device + " (missing, held by another process,"
                    + " or not writable by this user): " + e.getMessage(), e);
        }
        log.info("watchdog {} armed", device);
    }

    @Override
    public synchronized void pet() throws IOException {
        if (closed) {
            throw new IOException("watchdog " + device + " is closed");
        }
        out.write(PET);
        out.flush();
    }

    /** Magic close: disarms the watchdog if the driver allows it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.write(MAGIC_CLOSE);
            out.close();
            log.info("watchdog {} disarmed (magic close)", device);
        } catch (IOException e) {
            log.warn("watchdog {}: magic close failed, it stays armed: {}", device, e.toString());
        }
    }
}
