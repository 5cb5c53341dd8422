package tw.enforce.sync.mqtt;

/** Counters since start, for the unit's status report. */
public record SyncStats(boolean connected, long published, long acknowledged, long rejected, long publishFailures) {
}
