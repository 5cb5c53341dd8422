package tw.enforce.sync.mqtt;

import java.time.Duration;

/**
 * A publish/subscribe link to the broker that keeps itself connected.
 *
 * <p>Failure contract: {@link #publish} returns only once the broker has acknowledged the message
 * (QoS 1); if it throws, the message may or may not have reached the broker, and the caller keeps it
 * to send again (receivers de-duplicate). Subscriptions are remembered and renewed on every
 * (re)connect. A handler runs on the transport's own inbound thread; what it throws is logged and
 * does not break the link.
 */
public interface Transport extends AutoCloseable {

    @FunctionalInterface
    interface MessageHandler {
        void onMessage(String topic, byte[] payload) throws Exception;
    }

    @FunctionalInterface
    interface ConnectionListener {
        void connectionChanged(boolean connected);
    }

    /** Starts connecting in the background and keeps reconnecting until {@link #close}; returns at once. */
    void start();

    /** Connected and every subscription made so far acknowledged by the broker. */
    boolean isConnected();

    /** Waits until connected; false when the timeout passed first. */
    boolean awaitConnected(Duration timeout) throws InterruptedException;

    default void publish(String topic, byte[] payload) throws TransportException {
        publish(topic, payload, false);
    }

    /** A retained message replaces the topic's previous one and is handed to every later subscriber. */
    void publish(String topic, byte[] payload, boolean retained) throws TransportException;

    /** QoS 1 subscription, made now if connected and again on every connect. */
    void subscribe(String filter, MessageHandler handler);

    void addConnectionListener(ConnectionListener listener);

    @Override
    void close();
}
