package tw.enforce.sync.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.broker.EmbeddedBroker;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.testing.SyncRig;

/** Store and forward: evidence enqueued while the broker is away reaches the center once it is back. */
class BrokerOutageIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void packagesEnqueuedBeforeTheBrokerExistsAreDeliveredWhenItStarts() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker(tmp.resolve("broker"), 0, EmbeddedBroker.Persistence.IN_MEMORY);
             SyncRig rig = new SyncRig(tmp, broker.uri(), "late")) {
            rig.startUnit();
            rig.startCenter();
            for (int i = 1; i <= 3; i++) {
                rig.enqueueSigned("pkg-late-" + i, i);
            }
            Thread.sleep(1500);
            assertFalse(rig.unitTransport.isConnected());
            assertEquals(3L, rig.outbox.countByState().get(OutboxState.STORED));
            assertEquals(0L, rig.sync.stats().published());

            broker.start();

            assertTrue(rig.sync.awaitIdle(WAIT), "not delivered: " + rig.outbox.countByState());
            assertEquals(3L, rig.outbox.countByState().get(OutboxState.ACKNOWLEDGED));
            assertEquals(3, rig.store.list().size());
        }
    }

    @Test
    void packagesEnqueuedDuringABrokerRestartAreDeliveredAfterReconnect() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker(tmp.resolve("broker"), 0, EmbeddedBroker.Persistence.FILE);
             SyncRig rig = new SyncRig(tmp, broker.uri(), "restart")) {
            broker.start();
            rig.startCenter();
            rig.startUnit();
            rig.enqueueSigned("pkg-before", 1);
            assertTrue(rig.sync.awaitIdle(WAIT));

            broker.stop();
            rig.enqueueSigned("pkg-during-1", 2);
            rig.enqueueSigned("pkg-during-2", 3);
            Thread.sleep(1000);
            assertFalse(rig.unitTransport.isConnected());
            assertEquals(2L, rig.outbox.countByState().get(OutboxState.STORED));

            broker.start();

            assertTrue(rig.sync.awaitIdle(WAIT), "not delivered: " + rig.outbox.countByState());
            assertEquals(3L, rig.outbox.countByState().get(OutboxState.ACKNOWLEDGED));
            assertEquals(3, rig.store.list().size());
        }
    }
}
