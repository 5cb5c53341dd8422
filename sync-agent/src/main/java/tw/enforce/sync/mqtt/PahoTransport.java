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
 * broker queues QoS 1 messages for us while we are away, and a reconnect loop of our own with
 * exponential backoff and jitter (so a fleet does not reconnect in lock step after a broker restart).
 *
 * <p>Hazards handled here: every (re)connect uses a fresh Paho client. Paho 1.2.5 resends a QoS 1
 * publish that was in flight when the link dropped, and if that publish went out with a topic alias
 * (Paho assigns them whenever the broker allows, as Mosquitto does) it is resent with the alias and
 * no topic; the broker answers with a protocol error, and Paho's own automatic reconnect loops on it
 * forever (paho.mqtt.java #1104). The outbox is the durable copy and resends after a failed publish,
 * so dropping Paho's in-flight state costs nothing. Paho's default persistence writes files into the
 * working directory, so in-flight state is kept in memory. A Paho callback thread must never block
 * on a publish of its own (it is the thread that would complete it), so incoming messages are handed
 * to a separate inbound thread before handlers run.
 */
public final class PahoTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(PahoTransport.class);
    private static final int QOS1 = 1;

    private final TransportSettings settings;
    private final java.util.Random jitter = new java.util.Random();
    private volatile MqttAsyncClient client;
    private final Map<String, MessageHandler> subscriptions = new ConcurrentHashMap<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService inbound;
    private final AtomicReference<CountDownLatch> connectedLatch = new AtomicReference<>(new CountDownLatch(1));
    private volatile boolean connected;
    private volatile boolean closed;
    private Thread connector;

    public PahoTransport(TransportSettings settings) throws TransportException {
        this.settings = settings;
        this.client = newClient();
        this.inbound = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mqtt-in-" + settings.clientId());
            t.setDaemon(true);
            return t;
        });
    }

    private MqttAsyncClient newClient() throws TransportException {
        try {
            MqttAsyncClient c = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
            c.setCallback(new Callback(c));
            return c;
        } catch (MqttException e) {
            throw new TransportException("cannot create MQTT client for " + settings.serverUri() + ": " + e.getMessage(), e);
        }
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
            MqttAsyncClient c = client;
            try {
                c.connect(options()).waitForCompletion(settings.connectTimeout().toMillis() + 1000);
                return;
            } catch (MqttException e) {
                long wait = delayMs / 2 + (long) (jitter.nextDouble() * delayMs / 2);
                log.info("broker {} not reachable as {} ({}); retrying in {} ms", settings.serverUri(),
                        settings.clientId(), e.getMessage(), wait);
                discard(c);
                try {
                    client = newClient();
                    Thread.sleep(wait);
                } catch (TransportException te) {
                    log.warn("{}", te.getMessage());
                } catch (InterruptedException ie) {
                    return;
                }
            }
            delayMs = Math.min(delayMs * 2, settings.maxReconnectDelay().toMillis());
        }
    }

    /** After a lost link: a fresh client connects again from a thread of its own. */
    private synchronized void reconnect(MqttAsyncClient lost) {
        if (closed || lost != client) {
            return;
        }
        discard(lost);
        try {
            client = newClient();
        } catch (TransportException e) {
            log.error("{}", e.getMessage());
            return;
        }
        connector = new Thread(this::connectUntilConnected, "mqtt-connect-" + settings.clientId());
        connector.setDaemon(true);
        connector.start();
    }

    private void discard(MqttAsyncClient c) {
        try {
            c.disconnectForcibly(0, 100, false);
        } catch (MqttException e) {
            log.debug("dropping client of {}: {}", settings.clientId(), e.getMessage());
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            log.debug("closing client of {}: {}", settings.clientId(), e.getMessage());
        }
    }

    private MqttConnectionOptions options() throws MqttException {
        MqttConnectionOptions o = new MqttConnectionOptions();
        if (settings.will() != null) {
            MqttMessage will = new MqttMessage(settings.will().payload());
            will.setQos(QOS1);
            will.setRetained(true);
            o.setWill(settings.will().topic(), will);
        }
        if (settings.tls() != null) {
            try {
                o.setSocketFactory(settings.tls().socketFactory());
            } catch (TransportException e) {
                throw new MqttException(e);
            }
        }
        o.setCleanStart(false);
        o.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        o.setAutomaticReconnect(false);
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
    public void publish(String topic, byte[] payload, boolean retained) throws TransportException {
        if (!connected) {
            throw new TransportException("not connected to " + settings.serverUri(), null);
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(QOS1);
        message.setRetained(retained);
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
        MqttAsyncClient c = client;
        try {
            if (c.isConnected()) {
                c.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            log.debug("disconnect of {}: {}", settings.clientId(), e.getMessage());
        }
        discard(c);
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
        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (owner != client) {
                return;
            }
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
                    if (pending.decrementAndGet() == 0 && owner == client && owner.isConnected()) {
                        setConnected(true);
                    }
                });
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (owner != client) {
                return;
            }
            if (!closed) {
                log.warn("{} lost the broker: {}", settings.clientId(), response.getReasonString() != null
                        ? response.getReasonString() : String.valueOf(response.getException()));
            }
            setConnected(false);
            reconnect(owner);
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
