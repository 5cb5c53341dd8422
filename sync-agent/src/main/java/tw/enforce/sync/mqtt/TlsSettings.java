package tw.enforce.sync.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Mutual TLS: the client's own certificate and key ({@code keyStore}, PKCS#12; null for none) and the
 * CA it trusts for the broker ({@code trustStore}, PKCS#12). The broker checks the client certificate against its
 * CA and, with {@code use_identity_as_username}, takes the certificate's CN as the unit id its ACL
 * allows to publish.
 */
public record TlsSettings(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {

    public TlsSettings {
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    /** A socket factory for TLS 1.2+ with this identity and trust; a bad file or password is named. */
    public SSLSocketFactory socketFactory() throws TransportException {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore == null ? null : load(keyStore, keyStorePassword), keyStorePassword.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trustStore, trustStorePassword));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new TransportException("TLS setup from " + keyStore + " and " + trustStore + " failed: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return ks;
    }
}
