package tw.enforce.runtime.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Seals a draft: hashes every file into the manifest, serialises it canonically and signs those
 * exact bytes with the unit's Ed25519 key. Hashing and signing happen before anything is written,
 * so what is stored is already final.
 */
public final class EvidenceSigner {
    private final PrivateKey unitKey;
    private final ObjectMapper json;

    public EvidenceSigner(PrivateKey unitKey, ObjectMapper canonicalJson) {
        this.unitKey = unitKey;
        this.json = canonicalJson;
    }

    public SignedPackage seal(RedLightEvidence.Draft draft, ChainLink link) {
        List<EvidenceManifest.FileEntry> entries = new ArrayList<>();
        for (EvidenceFile f : draft.files()) {
            entries.add(new EvidenceManifest.FileEntry(f.name(), f.role(), f.frameSequence(), sha256(f.bytes()), f.bytes().length));
        }
        EvidenceManifest unsealed = draft.manifestFor().apply(link);
        EvidenceManifest m = new EvidenceManifest(unsealed.schema(), unsealed.packageId(), unsealed.unitId(),
                unsealed.siteId(), unsealed.cameraId(), unsealed.sequence(), unsealed.previousManifestSha256(),
                unsealed.createdAt(), unsealed.clock(), unsealed.rule(), unsealed.lane(), unsealed.vehicle(),
                unsealed.measurement(), unsealed.calibration(), unsealed.software(), unsealed.configSha256(),
                unsealed.decisionInput(), List.copyOf(entries));
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest of " + m.packageId() + " cannot be serialised", e);
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(unitKey);
            s.update(bytes);
            return new SignedPackage(m.packageId(), m.sequence(), sha256(bytes), bytes, s.sign(), draft.files());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign " + m.packageId() + " with the unit key", e);
        }
    }

    /** The mapper for manifests when no other is given: sorted keys, ISO-8601 times. */
    public static ObjectMapper canonicalMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
