package tw.enforce.sync.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicFilterTest {
    @Test
    void sharedFilterMatchesEveryUnitsViolationsOnly() {
        String f = "$share/center/enforce/v1/+/violation";
        assertTrue(TopicFilter.matches(f, "enforce/v1/U1/violation"));
        assertFalse(TopicFilter.matches(f, "enforce/v1/U1/ack"));
        assertFalse(TopicFilter.matches(f, "enforce/v1/U1/x/violation"));
    }

    @Test
    void hashMatchesTheRestAndExactTopicsMatchThemselves() {
        assertTrue(TopicFilter.matches("enforce/#", "enforce/v1/U1/ack"));
        assertTrue(TopicFilter.matches("enforce/v1/U1/ack", "enforce/v1/U1/ack"));
        assertFalse(TopicFilter.matches("enforce/v1/U1/ack", "enforce/v1/U2/ack"));
    }
}
