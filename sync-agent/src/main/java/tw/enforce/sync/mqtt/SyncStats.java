package tw.enforce.sync.mqtt;

/**
 * Counters since start, for the unit's status report: packages published (resends included), acks
 * received that settled or confirmed a package (a DUPLICATE ack of a resend counts again), packages
 * rejected by the center or found unsendable here, failed publishes, and chunks of large packages
 * published (a resumed transfer does not send the chunks the broker already confirmed).
 */
public record SyncStats(boolean connected, long published, long acknowledged, long rejected, long publishFailures,
                        long chunksPublished) {
}
