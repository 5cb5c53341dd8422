package tw.enforce.sync.command;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.sync.mqtt.Transport;
import tw.enforce.sync.mqtt.TransportException;
import tw.enforce.sync.protocol.Topics;

/**
 * The unit's end of the {@code cmd} topic: every message is verified ({@link CommandVerifier}), a
 * refused one is logged with its reason, and every message, run or refused, gets a {@code cmd/result}
 * saying what happened. Commands run on the transport's inbound thread, so handlers must be short.
 */
public final class CommandChannel {
    private static final Logger log = LoggerFactory.getLogger(CommandChannel.class);

    /** Runs one accepted command; returns a one-line outcome, throws to report failure. */
    @FunctionalInterface
    public interface Handler {
        String run(SignedCommand command) throws Exception;
    }

    private final Transport transport;
    private final Topics topics;
    private final String unitId;
    private final CommandVerifier verifier;
    private final Clock clock;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    public CommandChannel(Transport transport, Topics topics, String unitId, CommandVerifier verifier, Clock clock) {
        this.transport = transport;
        this.topics = topics;
        this.unitId = unitId;
        this.verifier = verifier;
        this.clock = clock;
    }

    public CommandChannel register(String name, Handler handler) {
        handlers.put(name, handler);
        return this;
    }

    /** Subscribes; call before the transport starts (or at any time: subscriptions are renewed on connect). */
    public void start() {
        transport.subscribe(topics.command(unitId), (topic, payload) -> onMessage(payload));
    }

    void onMessage(byte[] payload) {
        CommandVerifier.Decision d = verifier.verify(payload);
        CommandResult result;
        if (d instanceof CommandVerifier.Accepted a) {
            result = run(a.command());
        } else {
            CommandVerifier.Rejected r = (CommandVerifier.Rejected) d;
            log.warn("command {} for unit {} rejected: {}", r.commandId() == null ? "?" : r.commandId(), unitId, r.reason());
            result = new CommandResult(r.commandId(), CommandResult.Status.REJECTED, r.reason(), clock.instant());
        }
        try {
            transport.publish(topics.commandResult(unitId), result.toJson());
        } catch (TransportException e) {
            log.warn("result of command {} not published: {}", result.commandId(), e.getMessage());
        }
    }

    private CommandResult run(SignedCommand c) {
        Handler h = handlers.get(c.name());
        if (h == null) {
            log.warn("command {} for unit {} rejected: unknown command '{}'", c.commandId(), unitId, c.name());
            return new CommandResult(c.commandId(), CommandResult.Status.REJECTED, "unknown command '" + c.name() + "'",
                    clock.instant());
        }
        try {
            String outcome = h.run(c);
            log.info("command {} ({}) for unit {} executed: {}", c.commandId(), c.name(), unitId, outcome);
            return new CommandResult(c.commandId(), CommandResult.Status.EXECUTED, outcome, clock.instant());
        } catch (Exception e) {
            log.warn("command {} ({}) for unit {} failed: {}", c.commandId(), c.name(), unitId, e.toString());
            return new CommandResult(c.commandId(), CommandResult.Status.FAILED, e.toString(), clock.instant());
        }
    }
}
