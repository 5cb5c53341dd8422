package tw.enforce.sync.mqtt;

import java.time.Duration;

/**
 * Pace of the drain loop: how many due entries to take at once, how long to wait for an ack before
 * sending again, how often to look for new entries when idle (the runtime enqueues from another
 * process), the backoff after a failed publish (doubling from min to max, each wait drawn between
 * half and all of it so a fleet does not retry in step), and the link limits: a bandwidth cap in
 * bytes per second and a drain rate in messages per second (0 = unlimited). A package whose envelope
 * is larger than {@code chunkBytes} goes as resumable chunks of that size (0 = never chunk); stats
 * are published every {@code statsEvery} (zero = never).
 */
public record SyncSettings(int batchSize, Duration resendAfter, Duration idlePoll, Duration minBackoff,
                           Duration maxBackoff, long bandwidthBytesPerSecond, double messagesPerSecond,
                           int chunkBytes, Duration statsEvery) {

    public SyncSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (resendAfter.isNegative() || idlePoll.isNegative() || idlePoll.isZero() || minBackoff.isNegative()
                || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("sync durations must be positive and maxBackoff >= minBackoff");
        }
        if (statsEvery.isNegative()) {
            throw new IllegalArgumentException("statsEvery must not be negative");
        }
        if (chunkBytes < 0) {
            throw new IllegalArgumentException("chunkBytes must be >= 0 (0 = never chunk), was " + chunkBytes);
        }
        if (bandwidthBytesPerSecond < 0 || messagesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth cap and drain rate must be >= 0 (0 = unlimited)");
        }
    }

    public static SyncSettings defaults() {
        return new SyncSettings(16, Duration.ofSeconds(120), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(60), 0, 0, 512 * 1024, Duration.ofMinutes(15));
    }

    public SyncSettings withResendAfter(Duration d) {
        return new SyncSettings(batchSize, d, idlePoll, minBackoff, maxBackoff, bandwidthBytesPerSecond, messagesPerSecond, chunkBytes, statsEvery);
    }

    public SyncSettings withIdlePoll(Duration d) {
        return new SyncSettings(batchSize, resendAfter, d, minBackoff, maxBackoff, bandwidthBytesPerSecond, messagesPerSecond, chunkBytes, statsEvery);
    }

    public SyncSettings withBackoff(Duration min, Duration max) {
        return new SyncSettings(batchSize, resendAfter, idlePoll, min, max, bandwidthBytesPerSecond, messagesPerSecond, chunkBytes, statsEvery);
    }

    /** Caps the drain: bytes per second and messages per second, 0 for no limit. */
    public SyncSettings withLimits(long bytesPerSecond, double perSecond) {
        return new SyncSettings(batchSize, resendAfter, idlePoll, minBackoff, maxBackoff, bytesPerSecond, perSecond, chunkBytes, statsEvery);
    }

    public SyncSettings withChunkBytes(int bytes) {
        return new SyncSettings(batchSize, resendAfter, idlePoll, minBackoff, maxBackoff, bandwidthBytesPerSecond,
                messagesPerSecond, bytes, statsEvery);
    }

    public SyncSettings withStatsEvery(Duration d) {
        return new SyncSettings(batchSize, resendAfter, idlePoll, minBackoff, maxBackoff, bandwidthBytesPerSecond,
                messagesPerSecond, chunkBytes, d);
    }
}
