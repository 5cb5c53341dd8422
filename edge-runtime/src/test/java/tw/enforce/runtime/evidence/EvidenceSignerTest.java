package tw.enforce.runtime.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceSignerTest {

    static EvidenceManifest manifest(ChainLink link) {
        return new EvidenceManifest(EvidenceManifest.SCHEMA, ViolationEvidence.packageId("U1", link.sequence()), "U1", "S1",
                "cam", link.sequence(), link.previousManifestSha256(), Instant.parse("2026-11-26T02:00:00Z"),
                new EvidenceManifest.ClockState("test", true, null), "RED_LIGHT", "L1", null, null, null, null,
                "abc", null, null, null);
    }

    @Test
    void sealedManifestListsFileHashesAndVerifiesWithTheUnitKey() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] img = "jpeg-bytes".getBytes(StandardCharsets.US_ASCII);
        ViolationEvidence.Draft draft = new ViolationEvidence.Draft(
                List.of(new EvidenceFile("scene-1.jpg", "before", 7, img)), EvidenceSignerTest::manifest);
        SignedPackage p = new EvidenceSigner(kp.getPrivate())
                .seal(draft, new ChainLink(3, EvidenceManifest.GENESIS));

        assertEquals("U1-00000003", p.packageId());
        JsonNode m = new ObjectMapper().readTree(p.manifestJson());
        assertEquals(EvidenceSigner.sha256(img), m.get("files").get(0).get("sha256").asText());
        assertEquals(img.length, m.get("files").get(0).get("size").asLong());
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(kp.getPublic());
        v.update(p.manifestJson());
        assertTrue(v.verify(p.signature()));

        byte[] edited = new String(p.manifestJson(), StandardCharsets.UTF_8).replace("L1", "L2").getBytes(StandardCharsets.UTF_8);
        v.initVerify(kp.getPublic());
        v.update(edited);
        assertFalse(v.verify(p.signature()), "an edited manifest must not verify");
    }

    @Test
    void manifestBytesAreCanonicalSoTheSameCaseSignsTheSame() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        EvidenceSigner signer = new EvidenceSigner(kp.getPrivate());
        ViolationEvidence.Draft draft = new ViolationEvidence.Draft(List.of(), EvidenceSignerTest::manifest);
        SignedPackage a = signer.seal(draft, new ChainLink(1, EvidenceManifest.GENESIS));
        SignedPackage b = signer.seal(draft, new ChainLink(1, EvidenceManifest.GENESIS));
        assertEquals(new String(a.manifestJson(), StandardCharsets.UTF_8), new String(b.manifestJson(), StandardCharsets.UTF_8));
        String json = new String(a.manifestJson(), StandardCharsets.UTF_8);
        assertTrue(json.indexOf("\"calibration\"") < json.indexOf("\"camera") && json.indexOf("\"camera") < json.indexOf("\"unitId\""),
                "keys sorted: " + json);
        assertFalse(json.contains("\n"));
    }
}
