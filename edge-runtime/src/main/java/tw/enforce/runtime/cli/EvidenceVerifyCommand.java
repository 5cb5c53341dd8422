package tw.enforce.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tw.enforce.runtime.evidence.CourtExport;
import tw.enforce.runtime.evidence.FolderVerification;
import tw.enforce.sync.protocol.Ed25519Keys;

@Command(name = "verify", description = "Check an evidence folder offline: signature, every file hash and the "
        + "manifest fields. Prints each failure as FILE: CHECK (detail); exit code 1 when anything fails.")
final class EvidenceVerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "An exported or stored package folder.")
    Path dir;

    @Parameters(index = "1..*", paramLabel = "MORE", description = "More package folders of the same unit: "
            + "each is verified and together they must form an unbroken chain.")
    java.util.List<Path> more = java.util.List.of();

    @Option(names = "--key", description = "Public key to verify with, e.g. the one the center registered "
            + "(default: DIR/unit.pub).")
    Path key;

    @Override
    public Integer call() {
        if (!more.isEmpty()) {
            return chain();
        }
        Path keyFile = key != null ? key : dir.resolve(CourtExport.PUBLIC_KEY);
        if (!Files.isRegularFile(keyFile)) {
            System.out.println(keyFile + ": missing public key (give --key)");
            System.out.println("FAILED");
            return 1;
        }
        try {
            FolderVerification v = new tw.enforce.runtime.evidence.EvidenceVerifier().verify(dir,
                    Ed25519Keys.readPublicKey(keyFile));
            if (v.ok()) {
                System.out.println("OK " + v.header().packageId() + ": signature valid (key "
                        + Ed25519Keys.fingerprint(Ed25519Keys.readPublicKey(keyFile)).substring(0, 16) + "), "
                        + v.header().fileCount() + " file hashes match, manifest fields complete, chain position "
                        + v.header().sequence()
                        + (FolderVerification.PackageHeader.PASSAGE.equals(v.header().kind()) ? " (section passage record)" : ""));
                return 0;
            }
            v.problems().forEach(p -> System.out.println(p));
            System.out.println("FAILED: " + v.problems().size() + " check(s) failed");
            return 1;
        } catch (Exception e) {
            System.out.println(keyFile + ": " + e.getMessage());
            System.out.println("FAILED");
            return 1;
        }
    }

    private Integer chain() {
        java.util.Map<Path, FolderVerification> all = new java.util.LinkedHashMap<>();
        java.util.List<String> failures = new java.util.ArrayList<>();
        java.util.List<Path> dirs = new java.util.ArrayList<>(more);
        dirs.add(0, dir);
        for (Path d : dirs) {
            Path keyFile = key != null ? key : d.resolve(CourtExport.PUBLIC_KEY);
            try {
                FolderVerification v = new tw.enforce.runtime.evidence.EvidenceVerifier().verify(d,
                        Ed25519Keys.readPublicKey(keyFile));
                all.put(d, v);
                v.problems().forEach(p -> failures.add(d.getFileName() + "/" + p));
            } catch (Exception e) {
                failures.add(keyFile + ": " + e.getMessage());
            }
        }
        tw.enforce.runtime.evidence.EvidenceVerifier.checkChain(all).forEach(p -> failures.add(p.toString()));
        if (failures.isEmpty()) {
            System.out.println("OK " + all.size() + " packages verified, chain unbroken");
            return 0;
        }
        failures.forEach(System.out::println);
        System.out.println("FAILED: " + failures.size() + " check(s) failed");
        return 1;
    }
}
