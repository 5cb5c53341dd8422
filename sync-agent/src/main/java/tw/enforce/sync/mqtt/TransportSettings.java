package tw.enforce.sync.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the broker. The client id must stay the same across restarts: with clean start off,
 * the broker keeps the session (subscriptions, queued QoS 1 messages) under it for
 * {@code sessionExpiry}. TLS and credentials will join here when the link leaves the test bench.
 */
public record TransportSettings(String serverUri, String clientId, Duration sessionExpiry, Duration publishTimeout,
                                Duration connectTimeout, Duration keepAlive, Duration maxReconnectDelay, Will will,
                                TlsSettings tls) {

    /** Published by the broker, retained, when the link dies without a clean disconnect. */
    public record Will(String topic, byte[] payload) {
        public Will {
            Objects.requireNonNull(topic, "will topic");
            payload = payload.clone();
        }
    }

    public TransportSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        if (!serverUri.matches("(tcp|ssl|ws|wss)://.+")) {
            throw new IllegalArgumentException("broker URI '" + serverUri + "' must look like tcp://host:port");
        }
        if (clientId == null || clientId.isBlank() || clientId.length() > 64) {
            throw new IllegalArgumentException("MQTT client id '" + clientId + "' must be 1-64 characters");
        }
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(maxReconnectDelay, "maxReconnectDelay");
        if (tls != null && !serverUri.startsWith("ssl://")) {
            throw new IllegalArgumentException("TLS settings given but broker URI '" + serverUri + "' is not ssl://");
        }
    }

    /** Defaults for a unit on a flaky cellular link: a week of session, 30 s to get a PUBACK. */
    public static TransportSettings of(String serverUri, String clientId) {
        return new TransportSettings(serverUri, clientId, Duration.ofDays(7), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), null, null);
    }

    public TransportSettings withMaxReconnectDelay(Duration delay) {
        return new TransportSettings(serverUri, clientId, sessionExpiry, publishTimeout, connectTimeout, keepAlive, delay, will, tls);
    }

    public TransportSettings withConnectTimeout(Duration timeout) {
        return new TransportSettings(serverUri, clientId, sessionExpiry, publishTimeout, timeout, keepAlive, maxReconnectDelay, will, tls);
    }

    public TransportSettings withPublishTimeout(Duration timeout) {
        return new TransportSettings(serverUri, clientId, sessionExpiry, timeout, connectTimeout, keepAlive, maxReconnectDelay, will, tls);
    }

    public TransportSettings withWill(Will w) {
        return new TransportSettings(serverUri, clientId, sessionExpiry, publishTimeout, connectTimeout, keepAlive,
                maxReconnectDelay, w, tls);
    }

    public TransportSettings withTls(TlsSettings t) {
        return new TransportSettings(serverUri, clientId, sessionExpiry, publishTimeout, connectTimeout, keepAlive,
                maxReconnectDelay, will, t);
    }
}
