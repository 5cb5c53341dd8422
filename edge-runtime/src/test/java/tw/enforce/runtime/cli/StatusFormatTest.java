package tw.enforce.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.diag.StatusReport;
import tw.enforce.runtime.hardware.HardwareStatus;
import tw.enforce.runtime.hardware.RadarFeed;
import tw.enforce.sync.protocol.CanonicalJson;

class StatusFormatTest {

    @Test
    void hardwareSectionIsShownIndentedWithFaultsAndWithoutAbsentParts() throws Exception {
        Instant t = Instant.parse("2026-11-26T02:00:00Z");
        HardwareStatus hw = new HardwareStatus(false, Map.of("FROZEN", t), Map.of("FROZEN", 2L), 1, "120 frames, 6.10 ms each",
                "petting (last " + t + ")", "closed", 0, "DEGRADED", null,
                new RadarFeed.RadarStatus("radar", "reading", 42, 1, 0, 0), "OpenCV 4.9.0 (bundled): ffmpeg=no");
        StatusReport r = new StatusReport("TPE-0001", "SITE", "running", t, t, "motion", "RED", t, 10, 0, 3, 0, 1, 0, 0, 0,
                5, 1000, Map.of("pending", 1L), hw);
        String text = StatusFormat.pretty(CanonicalJson.mapper().writeValueAsString(r));
        assertTrue(text.contains("\nhardware:\n"), text);
        assertTrue(text.contains("  cameraHealthy:"), text);
        assertTrue(text.contains("  cameraFaults:") && text.contains("FROZEN"), text);
        assertTrue(text.matches("(?s).*\\n  casesSuspended: +1\\n.*"), text);
        assertTrue(text.matches("(?s).*\\n  radar:\\n    .*\\n    readings: +42\\n.*"), text);
        assertTrue(text.contains("videoBackends:") && text.contains("ffmpeg=no"), text);
        assertFalse(text.contains("flashPulses"), "an absent part is not listed: " + text);
    }
}
