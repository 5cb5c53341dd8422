package tw.enforce.runtime.store;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import tw.enforce.runtime.evidence.ChainLink;
import tw.enforce.runtime.evidence.EvidenceFile;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.EvidenceSigner;
import tw.enforce.runtime.evidence.ViolationEvidence;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.evidence.TestEvidence;

/**
 * Not a test: packages per second through the store (3 JPEG-sized files + manifest + signature,
 * fsynced, renamed, indexed and queued in SQLite) against writing the same bytes as plain files,
 * with and without fsync, in the same run on the same disk. Signing happens outside the timed part
 * for the baselines (their bytes are pre-sealed) and inside it for the store, as in the runtime.
 * Args: work folder (default: a temp folder), packages (default 200), scene JPEG bytes (default 150000).
 */
public final class EvidenceStoreBenchmark {
    private EvidenceStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("evidence-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int scene = args.length > 2 ? Integer.parseInt(args[2]) : 150_000;
        TestEvidence.Unit unit = TestEvidence.Unit.create("B1", Files.createDirectories(work.resolve("unit")));
        EvidenceSigner signer = new EvidenceSigner(unit.keys().getPrivate());
        List<ViolationEvidence.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < n + 20; i++) {
            drafts.add(TestEvidence.draft("B1", scene, i));
        }
        List<SignedPackage> sealed = new ArrayList<>();
        for (int i = 0; i < n + 20; i++) {
            sealed.add(signer.seal(drafts.get(i), new ChainLink(i + 1, EvidenceManifest.GENESIS)));
        }
        long bytesPer = sealed.get(0).manifestJson().length + 88
                + sealed.get(0).files().stream().mapToLong(f -> f.bytes().length).sum();
        System.out.printf("evidence store bench: %d packages of %d bytes (3 files + manifest + signature) in %s%n",
                n, bytesPer, work);

        double storeRate;
        try (SqliteEvidenceStore store = unit.openStore(StoreSettings.UNLIMITED, Clock.systemUTC())) {
            for (int i = 0; i < 20; i++) { // warm-up
                ViolationEvidence.Draft d = drafts.get(i);
                store.store(link -> signer.seal(d, link), 5);
            }
            long t0 = System.nanoTime();
            for (int i = 20; i < n + 20; i++) {
                ViolationEvidence.Draft d = drafts.get(i);
                store.store(link -> signer.seal(d, link), 5);
            }
            storeRate = report("store (sign+fsync+rename+SQLite)", n, System.nanoTime() - t0, bytesPer, 0);
        }
        double plainSynced = plain(work.resolve("plain-fsync"), sealed, n, true);
        double plain = plain(work.resolve("plain"), sealed, n, false);
        System.out.printf("ratio: store / plain+fsync = %.2f, store / plain (no fsync) = %.3f%n",
                storeRate / plainSynced, storeRate / plain);
    }

    private static double plain(Path dir, List<SignedPackage> sealed, int n, boolean fsync) throws Exception {
        Files.createDirectories(dir);
        long t0 = 0;
        for (int i = 0; i < n + 20; i++) {
            if (i == 20) {
                t0 = System.nanoTime();
            }
            SignedPackage p = sealed.get(i);
            Path d = Files.createDirectory(dir.resolve(p.packageId() + "-" + i));
            for (EvidenceFile f : p.files()) {
                write(d.resolve(f.name()), f.bytes(), fsync);
            }
            write(d.resolve("manifest.json"), p.manifestJson(), fsync);
            write(d.resolve("manifest.sig"), java.util.Base64.getEncoder().encode(p.signature()), fsync);
        }
        long nanos = System.nanoTime() - t0;
        long bytesPer = sealed.get(0).manifestJson().length + 88L + sealed.get(0).files().stream().mapToLong(f -> f.bytes().length).sum();
        return report(fsync ? "plain files + fsync" : "plain files, no fsync", n, nanos, bytesPer, 0);
    }

    private static void write(Path f, byte[] bytes, boolean fsync) throws Exception {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (fsync) {
                ch.force(true);
            }
        }
    }

    private static double report(String what, int n, long nanos, long bytesPer, int unused) {
        double s = nanos / 1e9;
        double rate = n / s;
        System.out.printf("%-36s %7.1f packages/s  %7.1f MB/s  (%.2f ms each)%n", what, rate, rate * bytesPer / 1e6, 1000 * s / n);
        return rate;
    }
}
