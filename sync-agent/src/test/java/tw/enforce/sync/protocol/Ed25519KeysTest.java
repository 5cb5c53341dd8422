package tw.enforce.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519KeysTest {
    @TempDir
    Path tmp;

    private final byte[] data = "manifest bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void keysWrittenAsPemReadBackAndStillSignAndVerify() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Ed25519Keys.writePrivateKey(tmp.resolve("unit.key"), pair.getPrivate());
        Ed25519Keys.writePublicKey(tmp.resolve("U1.pub"), pair.getPublic());

        PrivateKey priv = Ed25519Keys.readPrivateKey(tmp.resolve("unit.key"));
        PublicKey pub = Ed25519Keys.readPublicKey(tmp.resolve("U1.pub"));

        assertArrayEquals(pair.getPrivate().getEncoded(), priv.getEncoded());
        assertTrue(Files.readString(tmp.resolve("unit.key")).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(tmp.resolve("U1.pub")).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(Ed25519Keys.verify(pub, data, Ed25519Keys.sign(priv, data)));
    }

    @Test
    void privateKeyFileIsOwnerOnly() throws Exception {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path key = tmp.resolve("unit.key");
        Ed25519Keys.writePrivateKey(key, Ed25519Keys.generate().getPrivate());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }

    @Test
    void tamperedDataWrongKeyAndGarbageSignatureDoNotVerify() {
        KeyPair pair = Ed25519Keys.generate();
        byte[] sig = Ed25519Keys.sign(pair.getPrivate(), data);
        byte[] other = data.clone();
        other[0] ^= 1;

        assertFalse(Ed25519Keys.verify(pair.getPublic(), other, sig));
        assertFalse(Ed25519Keys.verify(Ed25519Keys.generate().getPublic(), data, sig));
        assertFalse(Ed25519Keys.verify(pair.getPublic(), data, new byte[] {1, 2, 3}));
    }

    @Test
    void fingerprintIsStableLowercaseSha256Hex() {
        PublicKey pub = Ed25519Keys.generate().getPublic();
        String f = Ed25519Keys.fingerprint(pub);
        assertTrue(f.matches("[0-9a-f]{64}"), f);
        assertEquals(f, Ed25519Keys.fingerprint(pub));
        assertEquals(PackageFiles.sha256Hex(pub.getEncoded()), f);
    }

    @Test
    void fileThatIsNotAKeyFailsNamingTheFile() throws Exception {
        Path bogus = Files.writeString(tmp.resolve("U9.pub"), "hello");
        IOException e = assertThrows(IOException.class, () -> Ed25519Keys.readPublicKey(bogus));
        assertTrue(e.getMessage().contains("U9.pub"), e.getMessage());
    }
}
