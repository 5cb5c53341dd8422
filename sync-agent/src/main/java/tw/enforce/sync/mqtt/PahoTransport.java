package tw.enforce.sync.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transport} over Paho's MQTT 5 async client: clean start off with a session expiry, so the
 * broker queues QoS 1 messages for us while we are away; automatic reconnect once connected, and a
 * retry loop of our own for the first connect (Paho does not retry a connect that never succeeded).
 *
 * <p>Hazards handled here: Paho's default persistence writes files into the working directory, so
 * in-flight state is kept in memory (the outbox is the durable copy); and a Paho callback thread must
 * never block on a publish of its own (it is the thread that would complete it), so incoming messages
 * are handed to a separate inbound thread before handlers run. Paho 1.2.5 keeps its reconnect delay
 * in a static field, so clients in one JVM (the demo's unit and center) share one backoff; the cap
 * set here bounds it either way.
 */
public final class PahoTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(PahoTransport.class);
    private static final int QOS1 = 1;

    private final TransportSettings settings;
    private final MqttAsyncClient client;
    private final Map<String, MessageHandler> subscriptions = new ConcurrentHashMap<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService inbound;
    private final AtomicReference<CountDownLatch> connectedLatch = new AtomicReference<>(new CountDownLatch(1));
    private volatile boolean connected;
    private volatile boolean closed;
    private Thread connector;

    public PahoTransport(TransportSettings settings) throws TransportException {
        this.settings = settings;
        try {
            this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new TransportException("cannot create MQTT client for " + settings.serverUri() + ": " + e.getMessage(), e);
        }
        this.inbound = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mqtt-in-" + settings.clientId());
            t.setDaemon(true);
            return t;
        });
        client.setCallback(new Callback());
    }

    @Override
    public synchronized void start() {
        if (connector != null || closed) {
            return;
        }
        connector = new Thread(this::connectUntilConnected, "mqtt-connect-" + settings.clientId());
        connector.setDaemon(true);
        connector.start();
    }

    private void connectUntilConnected() {
        long delayMs = 500;
        while (!closed && !connected) {
            try {
                client.connect(options()).waitForCompletion(settings.connectTimeout().toMillis() + 1000);
                return;
            } catch (MqttException e) {
                log.info("broker {} not reachable as {} ({}); retrying in {} ms", settings.serverUri(),
                        settings.clientId(), e.getMessage(), delayMs);
            }
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                return;
            }
            delayMs = Math.min(delayMs * 2, settings.maxReconnectDelay().toMillis());
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, (int) Math.max(1, settings.maxReconnectDelay().toSeconds()));
        // Paho 1.2.5 caps its doubling reconnect delay with this one (ms, default 128 s), not the above
        o.setMaxReconnectDelay((int) Math.max(1000, settings.maxReconnectDelay().toMillis()));
        o.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        return o;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return connected || connectedLatch.get().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(String topic, byte[] payload) throws TransportException {
        if (!connected) {
            throw new TransportException("not connected to " + settings.serverUri(), null);
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(QOS1);
        try {
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(settings.publishTimeout().toMillis());
            int[] codes = token.getReasonCodes();
            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                throw new TransportException("broker refused publish to " + topic + " with reason code 0x"
                        + Integer.toHexString(codes[0]), null);
            }
        } catch (MqttException e) {
            throw new TransportException("publish to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void subscribe(String filter, MessageHandler handler) {
        subscriptions.put(filter, handler);
        if (connected) {
            requestSubscription(filter);
        }
    }

    private void requestSubscription(String filter) {
        requestSubscription(filter, () -> { });
    }

    /** Asks for the subscription; {@code done} runs once the broker answered (or the request failed). */
    private void requestSubscription(String filter, Runnable done) {
        MqttActionListener listener = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                    log.warn("{}: broker refused subscription to {} with reason code 0x{}", settings.clientId(), filter,
                            Integer.toHexString(codes[0]));
                } else {
                    log.debug("{} subscribed to {}", settings.clientId(), filter);
                }
                done.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                log.warn("{} could not subscribe to {}: {} (will retry on reconnect)", settings.clientId(), filter,
                        e == null ? "?" : e.getMessage());
                done.run();
            }
        };
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, QOS1)}, null, listener, new MqttProperties());
        } catch (MqttException e) {
            listener.onFailure(null, e);
        }
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (connector != null) {
                connector.interrupt();
            }
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            } else {
                client.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException e) {
            log.debug("disconnect of {}: {}", settings.clientId(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("close of {}: {}", settings.clientId(), e.getMessage());
        }
        inbound.shutdownNow();
        connected = false;
    }

    private void setConnected(boolean now) {
        connected = now;
        if (now) {
            connectedLatch.get().countDown();
        } else {
            connectedLatch.getAndUpdate(l -> l.getCount() == 0 ? new CountDownLatch(1) : l);
        }
        for (ConnectionListener l : listeners) {
            try {
                l.connectionChanged(now);
            } catch (RuntimeException e) {
                log.warn("connection listener failed: {}", e.toString());
            }
        }
    }

    private void dispatch(String topic, byte[] payload) {
        boolean handled = false;
        for (Map.Entry<String, MessageHandler> s : subscriptions.entrySet()) {
            if (TopicFilter.matches(s.getKey(), topic)) {
                handled = true;
                try {
                    s.getValue().onMessage(topic, payload);
                } catch (Exception e) {
                    log.warn("handler for {} failed on a message from {}: {}", s.getKey(), topic, e.toString(), e);
                }
            }
        }
        if (!handled) {
            log.debug("{} got a message on {} that no subscription wants", settings.clientId(), topic);
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            log.info("{} connected to {}{}", settings.clientId(), serverUri, reconnect ? " (reconnect)" : "");
            // "connected" is announced once the subscriptions stand, so nobody publishes into a gap
            // where the answer (an ack, a shared-subscription delivery) would find no subscriber
            List<String> filters = List.copyOf(subscriptions.keySet());
            if (filters.isEmpty()) {
                setConnected(true);
                return;
            }
            AtomicInteger pending = new AtomicInteger(filters.size());
            for (String f : filters) {
                requestSubscription(f, () -> {
                    if (pending.decrementAndGet() == 0 && client.isConnected()) {
                        setConnected(true);
                    }
                });
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed) {
                log.warn("{} lost the broker: {}", settings.clientId(), response.getReasonString() != null
                        ? response.getReasonString() : String.valueOf(response.getException()));
            }
            setConnected(false);
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            log.warn("{}: MQTT error {}", settings.clientId(), e.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            try {
                inbound.execute(() -> dispatch(topic, payload));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("{} closing; dropped a message on {}", settings.clientId(), topic);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // publish() waits on its own token
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
