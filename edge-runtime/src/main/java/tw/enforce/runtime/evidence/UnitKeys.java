package tw.enforce.runtime.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * The unit's public key derived from its private key, so the store can check its own packages at
 * start-up without a second key file to keep in step. The JDK has no direct call for this; an
 * Ed25519 key pair is a function of its 32-byte seed, so generating with the seed as the only
 * "random" input gives the same pair (checked by a sign/verify round before it is trusted).
 */
public final class UnitKeys {
    private UnitKeys() {
    }

    public static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey ed)) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
        }
        byte[] seed = ed.getBytes().orElseThrow(() -> new IllegalArgumentException("private key bytes not available"));
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM);
            g.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            PublicKey pub = g.generateKeyPair().getPublic();
            byte[] probe = {1, 2, 3};
            if (!Ed25519Keys.verify(pub, probe, Ed25519Keys.sign(key, probe))) {
                throw new IllegalStateException("derived public key does not match the private key");
            }
            return pub;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the Ed25519 public key", e);
        }
    }

    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
