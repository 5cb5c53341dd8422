package tw.enforce.sync.outbox;

import java.util.List;
import java.util.Map;

/**
 * Evidence waiting to reach the center. Entries move stored → sent → acknowledged (or rejected);
 * the shape is Kura's MessageStore: the oldest entry of the highest priority goes next.
 *
 * <p>Failure contract: if {@link #enqueue} throws, the entry is assumed not to be in the outbox and
 * the caller keeps its evidence. An entry is never deleted or forgotten before the center has
 * acknowledged it; {@link #markSent} on an already acknowledged entry is a no-op, so a late
 * duplicate ack or a resend never moves an entry backwards.
 */
public interface Outbox extends AutoCloseable {

    void enqueue(OutboxEntry entry) throws OutboxException;

    /**
     * Entries to send now, in priority then age order: stored ones, and sent ones whose ack has not
     * come within {@code resendAfterMillis}.
     */
    List<OutboxEntry> due(int max, long resendAfterMillis) throws OutboxException;

    void markSent(String packageId) throws OutboxException;

    /** Center stored and verified it; returns false when no such entry is known. */
    boolean markAcknowledged(String packageId) throws OutboxException;

    /** Center refused it (bad signature, broken chain): kept, never resent automatically. */
    boolean markRejected(String packageId, String reason) throws OutboxException;

    Map<OutboxState, Long> countByState() throws OutboxException;

    @Override
    void close();
}
