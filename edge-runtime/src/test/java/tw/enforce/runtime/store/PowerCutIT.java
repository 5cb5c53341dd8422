package tw.enforce.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.EvidenceVerifier;
import tw.enforce.runtime.evidence.FolderVerification;
import tw.enforce.runtime.evidence.TestEvidence;
import tw.enforce.sync.outbox.OutboxState;
import tw.enforce.sync.outbox.SqliteOutbox;

/**
 * Power cuts: a child JVM writes evidence in a loop and is killed with SIGKILL at random moments
 * (mostly mid-write, every fifth during start-up and recovery), {@code enforce.powercut.kills} times
 * in all (default 50), spread over two units writing side by side to halve the wall time.
 * Afterwards each database is sound, every indexed package verifies, the chain is gapless and
 * linked, and everything the writer saw stored or acknowledged is there.
 */
class PowerCutIT {
    private static final int LANES = 2;

    @TempDir
    Path tmp;

    record Lane(TestEvidence.Unit unit, Set<String> stored, Set<String> acked) {
    }

    @Test
    void killNineAtRandomMomentsLosesNothingAndLeavesAVerifiableChain() throws Exception {
        int kills = Integer.getInteger("enforce.powercut.kills", 50);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(LANES);
        List<Future<Lane>> lanes = new ArrayList<>();
        for (int l = 0; l < LANES; l++) {
            int lane = l;
            int laneKills = kills / LANES + (l < kills % LANES ? 1 : 0);
            lanes.add(pool.submit(() -> runLane(TestEvidence.Unit.create("U" + lane, tmp.resolve("unit" + lane)), laneKills,
                    20261126L + lane)));
        }
        pool.shutdown();
        int stored = 0;
        int indexed = 0;
        int acked = 0;
        for (Future<Lane> f : lanes) {
            Lane lane = f.get(20, TimeUnit.MINUTES);
            indexed += checkAfterPowerCuts(lane);
            stored += lane.stored().size();
            acked += lane.acked().size();
        }
        System.out.printf("power-cut: %d kills in %.1f s, %d packages reported stored, %d indexed, %d acknowledged, "
                + "all verified%n", kills, (System.nanoTime() - t0) / 1e9, stored, indexed, acked);
        assertTrue(stored >= kills / 2, "the writers got to store packages between kills: " + stored);
    }

    private Lane runLane(TestEvidence.Unit unit, int kills, long seed) throws Exception {
        Random random = new Random(seed);
        Set<String> stored = ConcurrentHashMap.newKeySet();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path childLog = unit.state().resolve("child.log");
        for (int i = 0; i < kills; i++) {
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), PowerCutWriter.class.getName(),
                    unit.state().toString(), unit.id())
                    .redirectError(ProcessBuilder.Redirect.appendTo(childLog.toFile())).start();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.equals("ready")) {
                            ready.countDown();
                        } else if (line.startsWith("stored ")) {
                            stored.add(line.substring(7));
                        } else if (line.startsWith("acked ")) {
                            acked.add(line.substring(6));
                        }
                    }
                } catch (IOException ignored) {
                    // the pipe breaks when the child is killed
                }
            }, "powercut-reader-" + unit.id() + "-" + i);
            reader.start();
            if (i % 5 != 4) {
                assertTrue(ready.await(60, TimeUnit.SECONDS), "child started: " + tail(childLog));
                Thread.sleep(random.nextInt(1000));
            } else {
                Thread.sleep(100 + random.nextInt(1500));
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close()
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child killed");
            reader.join(5000);
        }
        return new Lane(unit, stored, acked);
    }

    private static int checkAfterPowerCuts(Lane lane) throws Exception {
        TestEvidence.Unit unit = lane.unit();
        EvidenceVerifier verifier = new EvidenceVerifier();
        try (SqliteEvidenceStore store = unit.openStore(StoreSettings.UNLIMITED, Clock.systemUTC());
             SqliteOutbox outbox = new SqliteOutbox(unit.state().resolve("unit.db"), Clock.systemUTC())) {
            assertEquals("ok", store.integrityCheck());
            List<SqliteEvidenceStore.StoredEvidence> list = store.list();
            String previous = EvidenceManifest.GENESIS;
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                SqliteEvidenceStore.StoredEvidence e = list.get(k);
                assertEquals(k + 1, e.sequence(), "no gap in the chain at " + e.packageId());
                FolderVerification v = verifier.verify(e.dir(), unit.keys().getPublic());
                assertTrue(v.ok(), e.packageId() + ": " + v.summary());
                assertEquals(previous, v.manifest().previousManifestSha256(), "chain link of " + e.packageId());
                assertEquals(e.manifestSha256(), v.manifestSha256());
                previous = v.manifestSha256();
                ids.add(e.packageId());
                assertTrue(outbox.find(e.packageId()).isPresent(), e.packageId() + " queued for the center");
            }
            assertTrue(ids.containsAll(lane.stored()), "every package the writer saw stored is indexed");
            for (String id : lane.acked()) {
                assertEquals(OutboxState.ACKNOWLEDGED, outbox.find(id).orElseThrow().state(), id);
            }
            assertTrue(store.alarms().isEmpty(), "nothing quarantined or missing: " + store.alarms());
            try (var names = Files.list(unit.state().resolve("evidence"))) {
                assertEquals(list.size(), names.count(), "no folder outside the index, no .incoming left");
            }
            return list.size();
        }
    }

    private static String tail(Path log) throws IOException {
        String s = Files.exists(log) ? Files.readString(log) : "";
        return s.substring(Math.max(0, s.length() - 2000));
    }
}
