package tw.enforce.runtime.evidence;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.PackageFiles;

/**
 * Seals a draft: hashes every file into the manifest, serialises it canonically and signs those
 * exact bytes with the unit's Ed25519 key. Hashing and signing happen before anything is written,
 * so what is stored is already final.
 */
public final class EvidenceSigner {
    private final PrivateKey unitKey;

    public EvidenceSigner(PrivateKey unitKey) {
        this.unitKey = unitKey;
    }

    public SignedPackage seal(ViolationEvidence.Draft draft, ChainLink link) {
        List<EvidenceManifest.FileEntry> entries = new ArrayList<>();
        for (EvidenceFile f : draft.files()) {
            entries.add(new EvidenceManifest.FileEntry(f.name(), f.role(), f.frameSequence(), sha256(f.bytes()), f.bytes().length));
        }
        EvidenceManifest unsealed = draft.manifestFor().apply(link);
        EvidenceManifest m = new EvidenceManifest(unsealed.schema(), unsealed.packageId(), unsealed.unitId(),
                unsealed.siteId(), unsealed.cameraId(), unsealed.sequence(), unsealed.previousManifestSha256(),
                unsealed.createdAt(), unsealed.clock(), unsealed.rule(), unsealed.lane(), unsealed.vehicle(),
                unsealed.measurement(), unsealed.calibration(), unsealed.software(), unsealed.configSha256(),
                unsealed.decisionInput(), unsealed.enforceability(), List.copyOf(entries));
        byte[] bytes = CanonicalJson.write(m);
        return new SignedPackage(m.packageId(), m.sequence(), sha256(bytes), bytes, Ed25519Keys.sign(unitKey, bytes),
                draft.files());
    }

    static String sha256(byte[] bytes) {
        return PackageFiles.sha256Hex(bytes);
    }
}
