package tw.enforce.sync.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.protocol.Ed25519Keys;

class UnitKeyRegistryTest {
    @TempDir
    Path keys;

    @Test
    void keysAreLoadedFromPubFilesAndNewFilesAreFoundWithoutRestart() throws Exception {
        PublicKey u1 = Ed25519Keys.generate().getPublic();
        Ed25519Keys.writePublicKey(keys.resolve("U1.pub"), u1);
        Files.writeString(keys.resolve("README.txt"), "not a key");
        UnitKeyRegistry registry = UnitKeyRegistry.fromFolder(keys);

        PublicKey u2 = Ed25519Keys.generate().getPublic();
        Ed25519Keys.writePublicKey(keys.resolve("U2.pub"), u2);

        assertEquals(u1, registry.find("U1").orElseThrow());
        assertEquals(u2, registry.find("U2").orElseThrow());
        assertTrue(registry.find("U3").isEmpty());
        assertTrue(registry.find("../U1").isEmpty());
    }

    @Test
    void programmaticRegistrationNeedsNoFolder() {
        UnitKeyRegistry registry = new UnitKeyRegistry();
        PublicKey key = Ed25519Keys.generate().getPublic();
        registry.register("U9", key);
        assertEquals(key, registry.find("U9").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> registry.register("a/b", key));
    }

    @Test
    void brokenKeyFileFailsTheLoadNamingIt() throws Exception {
        Files.writeString(keys.resolve("U1.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        IOException e = assertThrows(IOException.class, () -> UnitKeyRegistry.fromFolder(keys));
        assertTrue(e.getMessage().contains("U1.pub"), e.getMessage());
    }
}
