package tw.enforce.sync.mqtt;

/**
 * Spaces publishes so the drain never exceeds a bandwidth cap (bytes per second) or a drain rate
 * (messages per second), so a backlog after days offline does not flood the link. Each message
 * occupies its size / cap seconds on the byte line and 1 / rate seconds on the message line; it may
 * start once both lines are free. A cap of 0 means unlimited. Times are the caller's nanoTime, so the
 * arithmetic is testable without sleeping. Not thread-safe: the drain thread is its only user.
 */
public final class DrainPacer {
    private final long bytesPerSecond;
    private final double messagesPerSecond;
    private long bytesFreeAt = Long.MIN_VALUE;
    private long messagesFreeAt = Long.MIN_VALUE;

    public DrainPacer(long bytesPerSecond, double messagesPerSecond) {
        if (bytesPerSecond < 0 || messagesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth cap and drain rate must be >= 0 (0 = unlimited), were "
                    + bytesPerSecond + " and " + messagesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.messagesPerSecond = messagesPerSecond;
    }

    /** Nanoseconds to wait before a message of {@code bytes} may go out at {@code nowNanos}; books it for then. */
    public long reserve(long bytes, long nowNanos) {
        long start = nowNanos;
        if (bytesPerSecond > 0 && bytesFreeAt != Long.MIN_VALUE && bytesFreeAt - start > 0) {
            start = bytesFreeAt;
        }
        if (messagesPerSecond > 0 && messagesFreeAt != Long.MIN_VALUE && messagesFreeAt - start > 0) {
            start = messagesFreeAt;
        }
        if (bytesPerSecond > 0) {
            bytesFreeAt = start + (long) (bytes * 1e9 / bytesPerSecond);
        }
        if (messagesPerSecond > 0) {
            messagesFreeAt = start + (long) (1e9 / messagesPerSecond);
        }
        return start - nowNanos;
    }
}
