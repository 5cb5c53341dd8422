package tw.enforce.watchdog;

import java.io.IOException;

/**
 * The unit's hardware watchdog: unless {@link #pet()} is called within the hardware's timeout, the
 * unit is reset. Failure contract: a {@code pet} that throws may not have reached the hardware; the
 * caller logs it and tries again at the next interval (a reset follows if it keeps failing, which is
 * the point). {@link #close()} disarms the watchdog where the driver allows it (a clean stop), and
 * otherwise leaves it armed, so the unit resets after the timeout.
 */
public interface Watchdog extends AutoCloseable {

    void pet() throws IOException;

    @Override
    void close();
}
