package tw.enforce.runtime.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.PackageFiles;

/**
 * Writes a self-contained folder for a court: the signed files byte for byte, the unit's public key
 * and a human-readable summary. The package is verified before anything is written and the export
 * is verified again afterwards, so a folder handed over has been checked at least once.
 */
public final class CourtExport {
    public static final String PUBLIC_KEY = "unit.pub";
    public static final String SUMMARY_TXT = "summary.txt";
    public static final String SUMMARY_HTML = "summary.html";
    private final EvidenceVerifier verifier = new EvidenceVerifier();

    /** Thrown when the package does not verify or the target is not usable; nothing is exported. */
    public static final class ExportException extends Exception {
        public ExportException(String message) {
            super(message);
        }
    }

    public FolderVerification export(Path packageDir, Path publicKeyFile, Path to) throws IOException, ExportException {
        PublicKey key = Ed25519Keys.readPublicKey(publicKeyFile);
        FolderVerification source = verifier.verify(packageDir, key);
        if (!source.ok()) {
            throw new ExportException("package " + packageDir + " does not verify, not exported: " + source.summary());
        }
        if (source.manifest() == null) {
            throw new ExportException("package " + packageDir + " is a " + source.header().kind() + " record, not a case: "
                    + "a section-speed case is exported from the center with both passages");
        }
        if (Files.exists(to)) {
            try (var entries = Files.list(to)) {
                if (entries.findAny().isPresent()) {
                    throw new ExportException("target folder " + to + " is not empty");
                }
            }
        }
        Files.createDirectories(to);
        Files.copy(packageDir.resolve(PackageFiles.MANIFEST), to.resolve(PackageFiles.MANIFEST), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(packageDir.resolve(PackageFiles.SIGNATURE), to.resolve(PackageFiles.SIGNATURE), StandardCopyOption.COPY_ATTRIBUTES);
        for (EvidenceManifest.FileEntry f : source.manifest().files()) {
            Files.copy(packageDir.resolve(f.name()), to.resolve(f.name()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.copy(publicKeyFile, to.resolve(PUBLIC_KEY));
        String fingerprint = Ed25519Keys.fingerprint(key);
        Files.writeString(to.resolve(SUMMARY_TXT), EvidenceSummary.text(source.manifest(), source.manifestSha256(), fingerprint),
                StandardCharsets.UTF_8);
        Files.writeString(to.resolve(SUMMARY_HTML), EvidenceSummary.html(source.manifest(), source.manifestSha256(), fingerprint),
                StandardCharsets.UTF_8);
        FolderVerification written = verifier.verify(to, key);
        if (!written.ok()) {
            throw new ExportException("exported folder " + to + " does not verify: " + written.summary());
        }
        return written;
    }
}
