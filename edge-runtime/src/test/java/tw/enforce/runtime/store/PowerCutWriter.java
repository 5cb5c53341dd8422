package tw.enforce.runtime.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.evidence.TestEvidence;
import tw.enforce.sync.outbox.SqliteOutbox;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * Not a test: the child process {@link PowerCutIT} kills with SIGKILL. Opens the store (so start-up
 * recovery runs after each kill) and writes packages until killed, printing "stored ID" after each
 * store returns and "acked ID" after the center's ack is recorded for every third one.
 * Args: state folder, unit id.
 */
public final class PowerCutWriter {
    private PowerCutWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        String unitId = args[1];
        var keys = new java.security.KeyPair(Ed25519Keys.readPublicKey(state.resolve("keys/unit.pub")),
                Ed25519Keys.readPrivateKey(state.resolve("keys/unit.key")));
        TestEvidence.Unit unit = new TestEvidence.Unit(unitId, keys, state);
        Clock clock = Clock.systemUTC();
        try (SqliteEvidenceStore store = unit.openStore(StoreSettings.UNLIMITED, clock);
             SqliteOutbox center = new SqliteOutbox(state.resolve("unit.db"), clock)) {
            // load and JIT the signing and JSON paths first, so kills after "ready" land among writes
            new tw.enforce.runtime.evidence.EvidenceSigner(keys.getPrivate()).seal(TestEvidence.draft(unitId, 30_000, 0),
                    store.nextLink());
            System.out.println("ready");
            System.out.flush();
            while (true) {
                SignedPackage p = unit.store(store, 30_000, ThreadLocalRandom.current().nextLong());
                System.out.println("stored " + p.packageId());
                System.out.flush();
                if (p.sequence() % 3 == 0) {
                    center.markAcknowledged(p.packageId());
                    System.out.println("acked " + p.packageId());
                    System.out.flush();
                }
            }
        }
    }
}
