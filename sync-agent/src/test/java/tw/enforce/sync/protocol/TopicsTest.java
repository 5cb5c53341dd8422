package tw.enforce.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void unitTopicsFollowTheDefaultPrefix() {
        assertEquals("enforce/v1/U7/violation", Topics.DEFAULT.violation("U7"));
        assertEquals("enforce/v1/U7/ack", Topics.DEFAULT.ack("U7"));
        assertEquals("enforce/v1/U7/status", Topics.DEFAULT.status("U7"));
        assertEquals("$share/center/enforce/v1/+/violation", Topics.DEFAULT.sharedViolationFilter());
    }

    @Test
    void prefixIsConfigurable() {
        Topics t = new Topics("city-a/enforce/v2/");
        assertEquals("city-a/enforce/v2/U1/ack", t.ack("U1"));
        assertEquals("$share/g2/city-a/enforce/v2/+/violation", t.sharedViolationFilter("g2"));
    }

    @Test
    void unitIdIsParsedBackOnlyFromProtocolTopics() {
        assertEquals(Optional.of("U7"), Topics.DEFAULT.unitIdOf("enforce/v1/U7/violation"));
        assertEquals(Optional.of("U7"), Topics.DEFAULT.unitIdOf("enforce/v1/U7/ack"));
        assertEquals(Optional.empty(), Topics.DEFAULT.unitIdOf("enforce/v2/U7/violation"));
        assertEquals(Optional.empty(), Topics.DEFAULT.unitIdOf("enforce/v1/U7/other"));
        assertEquals(Optional.empty(), Topics.DEFAULT.unitIdOf("enforce/v1/../violation"));
        assertEquals(Optional.empty(), Topics.DEFAULT.unitIdOf("enforce/v1/violation"));
    }

    @Test
    void wildcardsAndSeparatorsInUnitIdsOrPrefixAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Topics.DEFAULT.violation("U/1"));
        assertThrows(IllegalArgumentException.class, () -> Topics.DEFAULT.violation("+"));
        assertThrows(IllegalArgumentException.class, () -> Topics.DEFAULT.violation(""));
        assertThrows(IllegalArgumentException.class, () -> new Topics("enforce/#/"));
        assertThrows(IllegalArgumentException.class, () -> new Topics("enforce/v1"));
    }
}
