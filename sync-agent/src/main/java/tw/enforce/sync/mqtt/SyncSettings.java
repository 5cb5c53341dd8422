package tw.enforce.sync.mqtt;

import java.time.Duration;

/**
 * Pace of the drain loop: how many due entries to take at once, how long to wait for an ack before
 * sending again, how often to look for new entries when idle (the runtime enqueues from another
 * process) and the backoff after a failed publish.
 */
public record SyncSettings(int batchSize, Duration resendAfter, Duration idlePoll, Duration minBackoff,
                           Duration maxBackoff) {

    public SyncSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (resendAfter.isNegative() || idlePoll.isNegative() || idlePoll.isZero() || minBackoff.isNegative()
                || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("sync durations must be positive and maxBackoff >= minBackoff");
        }
    }

    public static SyncSettings defaults() {
        return new SyncSettings(16, Duration.ofSeconds(120), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    public SyncSettings withResendAfter(Duration d) {
        return new SyncSettings(batchSize, d, idlePoll, minBackoff, maxBackoff);
    }

    public SyncSettings withIdlePoll(Duration d) {
        return new SyncSettings(batchSize, resendAfter, d, minBackoff, maxBackoff);
    }

    public SyncSettings withBackoff(Duration min, Duration max) {
        return new SyncSettings(batchSize, resendAfter, idlePoll, min, max);
    }
}
