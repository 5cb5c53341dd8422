package tw.enforce.sync.outbox;

public enum OutboxState {
    STORED, SENT, ACKNOWLEDGED, REJECTED
}
