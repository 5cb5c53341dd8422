package tw.enforce.runtime.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tw.enforce.sync.protocol.CanonicalJson;

class ClockAndCalibrationTest {
    static final Instant AT = Instant.parse("2026-11-26T02:00:00Z");
    static final LocalDate VALID = LocalDate.of(2027, 1, 31);
    static final EnforceabilityPolicy POLICY = new EnforceabilityPolicy(Duration.ofMillis(500));

    /** A fake command line: canned output per command, absent commands give empty. */
    static SystemClockStatus.CommandRunner fake(Map<String, String> out) {
        return cmd -> Optional.ofNullable(out.get(cmd.get(0)));
    }

    @Test
    void synchronisedClockWithChronyOffsetIsRecorded() {
        EvidenceManifest.ClockState c = new SystemClockStatus(fake(Map.of(
                "timedatectl", "NTPSynchronized=yes\n",
                "chronyc", "Reference ID    : C0A80101 (gw)\nSystem time     : 0.000123400 seconds slow of NTP time\n"))).now();
        assertTrue(c.synchronised());
        assertEquals("timedatectl+chrony", c.source());
        assertEquals(-0.1234, c.estimatedOffsetMillis(), 1e-9);
    }

    @Test
    void unsynchronisedClockWithoutChronyHasUnknownOffset() {
        EvidenceManifest.ClockState c = new SystemClockStatus(fake(Map.of("timedatectl", "NTPSynchronized=no\n"))).now();
        assertFalse(c.synchronised());
        assertNull(c.estimatedOffsetMillis());
        assertFalse(POLICY.assess("RED_LIGHT", c, "CAL-1", VALID, AT).enforceable(), "unknown time cannot be enforced");
    }

    @Test
    void noTimedatectlMeansNotSynchronised() {
        EvidenceManifest.ClockState c = new SystemClockStatus(fake(Map.of())).now();
        assertFalse(c.synchronised());
        assertEquals("unknown", c.source());
    }

    @Test
    void offsetBeyondTheThresholdMakesTheCaseNonEnforceableButKeepsIt() {
        EvidenceManifest.Enforceability e = POLICY.assess("RED_LIGHT",
                new EvidenceManifest.ClockState("chrony", true, 812.0, null), "CAL-1", VALID, AT);
        assertFalse(e.enforceable());
        assertTrue(e.notes().get(0).contains("812.0 ms exceeds the 500.0 ms limit"), e.notes().toString());
    }

    @Test
    void unsynchronisedButWithinTheThresholdStaysEnforceableWithANote() {
        EvidenceManifest.Enforceability e = POLICY.assess("RED_LIGHT",
                new EvidenceManifest.ClockState("chrony", false, 40.0, null), "CAL-1", VALID, AT);
        assertTrue(e.enforceable());
        assertTrue(e.notes().get(0).startsWith("clock not synchronised"), e.notes().toString());
    }

    @Test
    void expiredCalibrationVoidsSpeedCasesAndIsNotedOnRedLightCases() {
        LocalDate expired = LocalDate.of(2026, 11, 25);
        EvidenceManifest.ClockState ok = new EvidenceManifest.ClockState("chrony", true, 1.0, null);
        EvidenceManifest.Enforceability speed = POLICY.assess("SPEED", ok, "CAL-1", expired, AT);
        assertFalse(speed.enforceable());
        assertFalse(speed.speedEnforceable());
        EvidenceManifest.Enforceability red = POLICY.assess("RED_LIGHT", ok, "CAL-1", expired, AT);
        assertTrue(red.enforceable());
        assertFalse(red.speedEnforceable());
        assertEquals(List.of("calibration CAL-1 expired on 2026-11-25"), red.notes());
        assertTrue(POLICY.assess("RED_LIGHT", ok, "CAL-1", AT.atZone(java.time.ZoneOffset.UTC).toLocalDate(), AT)
                .speedEnforceable(), "valid through its last day");
    }

    @Test
    void everySignedPackageCarriesClockStateAndEnforceability() throws Exception {
        EvidenceManifest.ClockState drifting = new EvidenceManifest.ClockState("timedatectl", false, null, "not synced");
        SignedPackage p = new EvidenceSigner(java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate())
                .seal(TestEvidence.draft("U1", 100, 1, drifting), new ChainLink(1, EvidenceManifest.GENESIS));
        var json = CanonicalJson.read(p.manifestJson());
        assertFalse(json.get("clock").get("synchronised").asBoolean());
        assertEquals("timedatectl", json.get("clock").get("source").asText());
        assertTrue(json.get("clock").has("estimatedOffsetMillis"));
        assertFalse(json.get("enforceability").get("enforceable").asBoolean(), "marked, not dropped");
    }
}
