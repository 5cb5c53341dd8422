package tw.enforce.sync.mqtt;

/**
 * Counters since start, for the unit's status report: packages published (resends included), acks
 * received that settled or confirmed a package (a DUPLICATE ack of a resend counts again), packages
 * rejected by the center or found unsendable here, and failed publishes.
 */
public record SyncStats(boolean connected, long published, long acknowledged, long rejected, long publishFailures) {
}
