package tw.enforce.sync.mqtt;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tw.enforce.sync.protocol.CanonicalJson;

/**
 * The retained status message of a unit: "online" once its link stands, "offline" as its last will
 * (the broker publishes it when the link dies without a clean goodbye) and on a clean stop.
 */
public final class UnitStatus {
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private UnitStatus() {
    }

    public static byte[] json(String unitId, String state, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", unitId);
        m.put("state", state);
        if (at != null) {
            m.put("at", at.toString());
        }
        return CanonicalJson.write(m);
    }

    /** The last will: no time, since the broker sends it whenever the link is found dead. */
    public static TransportSettings.Will will(String topic, String unitId) {
        return new TransportSettings.Will(topic, json(unitId, OFFLINE, null));
    }
}
