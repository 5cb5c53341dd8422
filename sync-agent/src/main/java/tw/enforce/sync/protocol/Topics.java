package tw.enforce.sync.protocol;

import java.util.Optional;

/**
 * MQTT topic names of the sync protocol: {@code <prefix><unitId>/violation|ack|status}, with the
 * prefix configurable (default {@code enforce/v1/}) so a deployment can run several protocol
 * versions or tenants on one broker.
 */
public record Topics(String prefix) {
    public static final String DEFAULT_PREFIX = "enforce/v1/";
    public static final String DEFAULT_SHARE_GROUP = "center";
    public static final Topics DEFAULT = new Topics(DEFAULT_PREFIX);

    private static final String VIOLATION = "violation";
    private static final String ACK = "ack";
    private static final String STATUS = "status";

    public Topics {
        if (prefix == null || prefix.isEmpty() || !prefix.endsWith("/") || prefix.startsWith("/")
                || prefix.startsWith("$") || prefix.contains("+") || prefix.contains("#") || prefix.contains("//")) {
            throw new IllegalArgumentException("topic prefix '" + SafeNames.printable(prefix)
                    + "' must end with '/', must not start with '/' or '$' and must hold no wildcard or empty level");
        }
    }

    public String violation(String unitId) {
        return unitTopic(unitId, VIOLATION);
    }

    public String ack(String unitId) {
        return unitTopic(unitId, ACK);
    }

    public String status(String unitId) {
        return unitTopic(unitId, STATUS);
    }

    /** Signed commands from the center to one unit. */
    public String command(String unitId) {
        return unitTopic(unitId, "cmd");
    }

    /** The unit's answer to each command, accepted or not. */
    public String commandResult(String unitId) {
        return unitTopic(unitId, "cmd/result");
    }

    public String stats(String unitId) {
        return unitTopic(unitId, "stats");
    }

    /** The center's filter: receivers in one share group split the units' violations between them. */
    public String sharedViolationFilter(String shareGroup) {
        SafeNames.require("share group", shareGroup);
        return "$share/" + shareGroup + "/" + prefix + "+/" + VIOLATION;
    }

    public String sharedViolationFilter() {
        return sharedViolationFilter(DEFAULT_SHARE_GROUP);
    }

    /** The unit id of a topic under this prefix, e.g. {@code enforce/v1/U7/ack} gives U7; empty for other topics. */
    public Optional<String> unitIdOf(String topic) {
        if (topic == null || !topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = topic.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String unitId = rest.substring(0, slash);
        String kind = rest.substring(slash + 1);
        boolean known = kind.equals(VIOLATION) || kind.equals(ACK) || kind.equals(STATUS);
        return known && SafeNames.isSafe(unitId) ? Optional.of(unitId) : Optional.empty();
    }

    private String unitTopic(String unitId, String kind) {
        return prefix + SafeNames.require("unit id", unitId) + "/" + kind;
    }
}
