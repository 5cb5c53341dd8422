package tw.enforce.sync.center;

/** What the receiver made of one message; ids are null when the message did not yield them. */
public record Received(String topic, String packageId, String unitId, Outcome outcome, String detail) {

    public enum Outcome {
        /** one chunk of a large package, kept until the last one arrives; no ack */
        CHUNK_KEPT,
        /** verified, stored, acked ACCEPTED */
        ACCEPTED,
        /** verified and already stored: acked DUPLICATE, stored once */
        DUPLICATE,
        /** failed verification: quarantined, acked REJECTED */
        REJECTED,
        /** verified, but contradicts the unit's stored chain: quarantined, acked REJECTED, alarm raised */
        CHAIN_BROKEN,
        /** not a package envelope: quarantined, no ack possible */
        MALFORMED,
        /** no key for the unit: dropped without ack, so the unit resends once it is registered */
        UNKNOWN_UNIT,
        /** could not be stored (disk, database): no ack, so the unit resends */
        STORE_FAILED
    }
}
