package tw.enforce.sync.protocol;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tw.enforce.sync.protocol.ManifestSummary.ListedFile;
import tw.enforce.sync.protocol.Verification.Check;
import tw.enforce.sync.protocol.Verification.Failure;

/**
 * Checks a received package against its unit's key: the signature over the exact manifest bytes,
 * then that the manifest's ids match the envelope's and that the files present are exactly the files
 * listed, each with its size and SHA-256. All failures are collected, not just the first, so the
 * quarantine record tells the whole story. Stateless and thread-safe.
 * Not yet checked: the per-unit hash chain and sequence gaps (they need the center's history).
 */
public final class PackageVerifier {

    public Verification verify(WirePackage pkg, PublicKey unitKey) {
        List<Failure> failures = new ArrayList<>();
        byte[] manifestBytes = pkg.files().get(PackageFiles.MANIFEST);
        if (manifestBytes == null) {
            failures.add(new Failure(PackageFiles.MANIFEST, Check.MISSING_MANIFEST, ""));
            return new Verification(failures);
        }
        checkSignature(pkg, unitKey, manifestBytes, failures);
        ManifestSummary manifest;
        try {
            manifest = ManifestSummary.parse(manifestBytes);
        } catch (MalformedMessageException e) {
            failures.add(new Failure(PackageFiles.MANIFEST, Check.MALFORMED_MANIFEST, e.getMessage()));
            return new Verification(failures);
        }
        if (!manifest.unitId().equals(pkg.unitId())) {
            failures.add(new Failure(PackageFiles.MANIFEST, Check.UNIT_MISMATCH,
                    "manifest unitId " + manifest.unitId() + " but envelope " + pkg.unitId()));
        }
        if (!manifest.packageId().equals(pkg.packageId())) {
            failures.add(new Failure(PackageFiles.MANIFEST, Check.PACKAGE_ID_MISMATCH,
                    "manifest packageId " + manifest.packageId() + " but envelope " + pkg.packageId()));
        }
        checkFiles(pkg, manifest, failures);
        return new Verification(failures);
    }

    private static void checkSignature(WirePackage pkg, PublicKey key, byte[] manifestBytes, List<Failure> failures) {
        byte[] sigText = pkg.files().get(PackageFiles.SIGNATURE);
        if (sigText == null) {
            failures.add(new Failure(PackageFiles.SIGNATURE, Check.MISSING_SIGNATURE, ""));
            return;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(new String(sigText, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            failures.add(new Failure(PackageFiles.SIGNATURE, Check.BAD_SIGNATURE, "not base64"));
            return;
        }
        if (!Ed25519Keys.verify(key, manifestBytes, signature)) {
            failures.add(new Failure(PackageFiles.SIGNATURE, Check.BAD_SIGNATURE,
                    "does not verify with unit key " + Ed25519Keys.fingerprint(key).substring(0, 16)));
        }
    }

    private static void checkFiles(WirePackage pkg, ManifestSummary manifest, List<Failure> failures) {
        Set<String> listed = new HashSet<>();
        for (ListedFile f : manifest.files()) {
            if (!listed.add(f.name()) || PackageFiles.isReserved(f.name())) {
                failures.add(new Failure(f.name(), Check.DUPLICATE_LISTING, "listed twice or a reserved name"));
                continue;
            }
            byte[] content = pkg.files().get(f.name());
            if (content == null) {
                failures.add(new Failure(f.name(), Check.LISTED_FILE_MISSING, ""));
                continue;
            }
            if (content.length != f.size()) {
                failures.add(new Failure(f.name(), Check.SIZE_MISMATCH, "listed " + f.size() + ", got " + content.length));
            }
            String actual = PackageFiles.sha256Hex(content);
            if (!actual.equals(f.sha256())) {
                failures.add(new Failure(f.name(), Check.HASH_MISMATCH, "listed " + f.sha256() + ", got " + actual));
            }
        }
        for (String present : pkg.files().keySet()) {
            if (!PackageFiles.isReserved(present) && !listed.contains(present)) {
                failures.add(new Failure(present, Check.UNLISTED_FILE, ""));
            }
        }
    }
}
