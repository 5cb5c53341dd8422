package tw.enforce.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.protocol.Verification.Check;
import tw.enforce.sync.testing.TestPackages;

class PackageVerifierTest {
    @TempDir
    Path tmp;
    KeyPair unitKey;
    Path dir;
    final PackageVerifier verifier = new PackageVerifier();

    @BeforeEach
    void writePackage() throws Exception {
        unitKey = Ed25519Keys.generate();
        dir = TestPackages.write(tmp, "U1", "pkg-0001", 1, unitKey.getPrivate());
    }

    private Verification verify(WirePackage p) {
        return verifier.verify(p, unitKey.getPublic());
    }

    private WirePackage read() throws Exception {
        return PackageCodec.read(dir);
    }

    @Test
    void intactPackageSignedByTheUnitVerifies() throws Exception {
        Verification v = verify(read());
        assertTrue(v.ok(), v.summary());
    }

    @Test
    void tamperedImageIsNamedAsHashMismatch() throws Exception {
        byte[] img = Files.readAllBytes(dir.resolve("scene-1.jpg"));
        img[100] ^= 0x40;
        Files.write(dir.resolve("scene-1.jpg"), img);

        Verification v = verify(read());

        assertFalse(v.ok());
        assertTrue(v.failed("scene-1.jpg", Check.HASH_MISMATCH), v.summary());
        assertEquals(1, v.failures().size(), v.summary());
        assertTrue(v.summary().contains("scene-1.jpg: hash mismatch"), v.summary());
    }

    @Test
    void packageSignedByAnotherKeyHasABadSignature() throws Exception {
        Verification v = verifier.verify(read(), Ed25519Keys.generate().getPublic());
        assertTrue(v.failed(PackageFiles.SIGNATURE, Check.BAD_SIGNATURE), v.summary());
    }

    @Test
    void editedManifestBreaksTheSignature() throws Exception {
        Path m = dir.resolve(PackageFiles.MANIFEST);
        Files.writeString(m, Files.readString(m).replace("\"sequence\":1", "\"sequence\":2"));

        Verification v = verify(read());

        assertTrue(v.failed(PackageFiles.SIGNATURE, Check.BAD_SIGNATURE), v.summary());
    }

    @Test
    void missingSignatureIsNamed() throws Exception {
        Files.delete(dir.resolve(PackageFiles.SIGNATURE));
        assertTrue(verify(read()).failed(PackageFiles.SIGNATURE, Check.MISSING_SIGNATURE));
    }

    @Test
    void listedButMissingAndUnlistedFilesAreNamed() throws Exception {
        Files.delete(dir.resolve("scene-2.jpg"));
        Files.writeString(dir.resolve("extra.txt"), "smuggled");

        Verification v = verify(read());

        assertTrue(v.failed("scene-2.jpg", Check.LISTED_FILE_MISSING), v.summary());
        assertTrue(v.failed("extra.txt", Check.UNLISTED_FILE), v.summary());
        assertFalse(v.failed(PackageFiles.SIGNATURE, Check.BAD_SIGNATURE), v.summary());
    }

    @Test
    void sizeDifferentFromTheSignedListingIsNamed() throws Exception {
        Path m = dir.resolve(PackageFiles.MANIFEST);
        int size = (int) Files.size(dir.resolve("scene-1.jpg"));
        Files.writeString(m, Files.readString(m).replace("\"size\":" + size, "\"size\":" + (size + 1)));
        TestPackages.resign(dir, unitKey.getPrivate());

        Verification v = verify(read());

        assertTrue(v.failed("scene-1.jpg", Check.SIZE_MISMATCH), v.summary());
    }

    @Test
    void manifestOfAnotherUnitInThisUnitsEnvelopeIsNamed() throws Exception {
        WirePackage p = read();
        WirePackage relabelled = new WirePackage(p.packageId(), "U2", p.files());

        Verification v = verify(relabelled);

        assertTrue(v.failed(PackageFiles.MANIFEST, Check.UNIT_MISMATCH), v.summary());
        assertTrue(v.summary().contains("U2"), v.summary());
    }

    @Test
    void unreadableManifestIsMalformedNotACrash() throws Exception {
        Map<String, byte[]> files = new HashMap<>(read().files());
        files.put(PackageFiles.MANIFEST, "{\"packageId\":".getBytes(StandardCharsets.UTF_8));

        Verification v = verify(new WirePackage("pkg-0001", "U1", files));

        assertTrue(v.failed(PackageFiles.MANIFEST, Check.MALFORMED_MANIFEST), v.summary());
        assertTrue(v.failed(PackageFiles.SIGNATURE, Check.BAD_SIGNATURE), v.summary());
    }
}
