package tw.enforce.runtime.evidence;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tw.enforce.runtime.rule.RedLightInput;
import tw.enforce.runtime.rule.RedLightViolationRule;
import tw.enforce.runtime.rule.RuleOutcome;
import tw.enforce.runtime.rule.RedLightSettings;
import tw.enforce.runtime.rule.TrajectorySample;
import tw.enforce.runtime.signal.PhaseInterval;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.store.StoreSettings;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * Real signed red-light packages for tests: a vehicle at 36 km/h crossing the stop line 0.5 s into
 * red, decided by the real rule, sealed by the real signer; media are byte arrays of JPEG-like size.
 */
public final class TestEvidence {
    public static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    private TestEvidence() {
    }

    public static RedLightInput input() {
        List<TrajectorySample> s = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            s.add(new TrajectorySample(i, T0.plusMillis(100L * i), 400, 300 + i, 0.5, i * 1.0, false));
        }
        List<PhaseInterval> phases = List.of(
                new PhaseInterval(SignalPhase.GREEN, T0.minusSeconds(20), T0.minusSeconds(3)),
                new PhaseInterval(SignalPhase.AMBER, T0.minusSeconds(3), T0.plusMillis(500)),
                new PhaseInterval(SignalPhase.RED, T0.plusMillis(500), null));
        return new RedLightInput(7, s, phases, new RedLightSettings(10, 20, 0.1, null, null,
                List.of(new RedLightSettings.Lane("L2", 0, 3.5, 10, List.of())), Double.NaN));
    }

    public static ViolationEvidence.Draft draft(String unitId, int mediaBytes, long seed) {
        return draft(unitId, mediaBytes, seed, new EvidenceManifest.ClockState("test", true, 0.3, null));
    }

    public static ViolationEvidence.Draft draft(String unitId, int mediaBytes, long seed, EvidenceManifest.ClockState clock) {
        RedLightInput in = input();
        RedLightViolationRule rule = new RedLightViolationRule(in.settings());
        RuleOutcome.Violation v = (RuleOutcome.Violation) rule.decide(in);
        Random r = new Random(seed);
        List<EvidenceFile> files = new ArrayList<>();
        for (String[] f : new String[][] {{"scene-1.jpg", "before-stop-line-red-lit"}, {"scene-2.jpg", "inside-junction"},
            {"plate.jpg", "plate-region"}}) {
            byte[] b = new byte[f[0].startsWith("plate") ? Math.max(1, mediaBytes / 8) : mediaBytes];
            r.nextBytes(b);
            b[0] = (byte) 0xFF;
            b[1] = (byte) 0xD8;
            files.add(new EvidenceFile(f[0], f[1], 3, b));
        }
        LocalDate validUntil = LocalDate.of(2027, 6, 30);
        return new ViolationEvidence.Draft(files, link -> new EvidenceManifest(EvidenceManifest.SCHEMA,
                ViolationEvidence.packageId(unitId, link.sequence()), unitId, "TPE-Xinyi-01", "cam-1", link.sequence(),
                link.previousManifestSha256(), T0.plusSeconds(3), clock, RedLightViolationRule.NAME, v.lane(),
                new EvidenceManifest.Vehicle(7, "CAR", new EvidenceManifest.Plate("ABC-1234", 0.93, "READ")),
                Measurements.of(v),
                new EvidenceManifest.Calibration("CAL-2026-001", validUntil, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 0.05),
                new EvidenceManifest.Software("0.1.0", "test", null), "c".repeat(64), Measurements.tree(in),
                EnforceabilityPolicy.DEFAULT.assess(RedLightViolationRule.NAME, clock, "CAL-2026-001", validUntil, T0), null));
    }

    /** A unit with its key pair written under {@code state/keys} like {@code edgectl keys init}. */
    public record Unit(String id, KeyPair keys, Path state) {
        public static Unit create(String id, Path state) throws Exception {
            KeyPair kp = Ed25519Keys.generate();
            Ed25519Keys.writePrivateKey(state.resolve("keys/unit.key"), kp.getPrivate());
            Ed25519Keys.writePublicKey(state.resolve("keys/unit.pub"), kp.getPublic());
            return new Unit(id, kp, state);
        }

        public SqliteEvidenceStore openStore(StoreSettings settings, java.time.Clock clock) throws Exception {
            return new SqliteEvidenceStore(state.resolve("unit.db"), state.resolve("evidence"), id, keys.getPublic(),
                    settings, clock);
        }

        public SignedPackage store(SqliteEvidenceStore store, int mediaBytes, long seed) throws Exception {
            EvidenceSigner signer = new EvidenceSigner(keys.getPrivate());
            ViolationEvidence.Draft d = draft(id, mediaBytes, seed);
            return store.store(link -> signer.seal(d, link), 5);
        }
    }
}
