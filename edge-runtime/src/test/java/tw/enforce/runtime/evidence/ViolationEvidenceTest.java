package tw.enforce.runtime.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.config.TestSites;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.rule.RuleOutcome;
import tw.enforce.runtime.rule.SceneContext;
import tw.enforce.runtime.rule.SpeedInput;
import tw.enforce.runtime.rule.SpeedRule;
import tw.enforce.runtime.rule.SpeedRuleTest;
import tw.enforce.runtime.rule.TrackView;
import tw.enforce.runtime.rule.TrajectorySample;
import tw.enforce.sync.protocol.CanonicalJson;

/** A SPEED case through the generic evidence path: frames by the rule's FrameRefs, signed, read back and replayed. */
class ViolationEvidenceTest {
    @TempDir
    Path dir;

    @Test
    void speedCaseIsPackagedWithItsFramesAndReplaysFromTheManifestAlone() throws Exception {
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(TestSites.write(dir, TestSites.full()));
        SpeedRule rule = SpeedRule.fromSite(site.config());
        List<TrajectorySample> traj = SpeedRuleTest.drive(-1.5, -40, 80, 3, 0.05, 11);
        FrameRing ring = new FrameRing(Duration.ofSeconds(60), f -> Jpeg.encode(f, 80));
        Map<Long, BoundingBox> boxes = new HashMap<>();
        for (TrajectorySample s : traj) {
            ring.add(new Frame("cam-1", s.frame(), s.at(), 160, 90, new byte[160 * 90 * 3]));
            boxes.put(s.frame(), new BoundingBox(60, 30, 100, 60));
        }
        SpeedInput in = rule.inputFor(new TrackView(4, "CAR", 1, null, traj), new SceneContext(List.of(), List.of(), List.of()))
                .orElseThrow();
        RuleOutcome.Violation v = (RuleOutcome.Violation) rule.decide(in);
        ViolationEvidence evidence = new ViolationEvidence(site, new EvidenceManifest.Software("t", "truth", null),
                Clock.fixed(SpeedRuleTest.T0.plusSeconds(5), ZoneOffset.UTC),
                () -> new EvidenceManifest.ClockState("test", true, 0.0, null), EnforceabilityPolicy.DEFAULT, null);
        ViolationEvidence.Draft draft = evidence.assemble(4, "CAR", boxes, in, v, ring).orElseThrow();
        assertEquals(List.of("speed-start", "speed-middle", "speed-end", "plate-region"),
                draft.files().stream().map(EvidenceFile::role).toList());

        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SignedPackage p = new EvidenceSigner(kp.getPrivate()).seal(draft, new ChainLink(1, EvidenceManifest.GENESIS));
        EvidenceManifest m = CanonicalJson.read(p.manifestJson(), EvidenceManifest.class);
        assertEquals("SPEED", m.rule());
        assertEquals("L1", m.lane());
        assertEquals(v.eventTime().toString(), m.measurement().get("eventTime").asText());
        assertEquals(80, m.measurement().get("speedKmh").asDouble(), 1.5);
        assertTrue(m.enforceability().speedEnforceable());
        EvidenceReplay.Outcome o = EvidenceReplay.replay(m);
        assertTrue(o.matches(), o.differences().toString());

        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) CanonicalJson.read(p.manifestJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("measurement")).put("limitKmh", 60.0);
        EvidenceReplay.Outcome bad = EvidenceReplay.replay(CanonicalJson.mapper().treeToValue(tree, EvidenceManifest.class));
        assertFalse(bad.matches());
        assertTrue(bad.differences().contains("limitKmh recorded 60.0, replayed 50.0"), bad.differences().toString());
        assertTrue(EvidenceSummary.text(m, "x", "y").contains("Speed: 8"), EvidenceSummary.text(m, "x", "y"));
    }

    @Test
    void sceneWithABystanderIsMaskedAndSaysSoWhileTheOffenderAloneStaysAsCaptured() throws Exception {
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(TestSites.write(dir, TestSites.full()));
        SpeedRule rule = SpeedRule.fromSite(site.config());
        List<TrajectorySample> traj = SpeedRuleTest.drive(-1.5, -40, 80, 3, 0.05, 11);
        FrameRing ring = new FrameRing(Duration.ofSeconds(60), f -> Jpeg.encode(f, 90));
        Map<Long, BoundingBox> boxes = new HashMap<>();
        BoundingBox offender = new BoundingBox(200, 120, 300, 200);
        BoundingBox bystander = new BoundingBox(20, 100, 120, 180);
        ViolationEvidence evidence = new ViolationEvidence(site, new EvidenceManifest.Software("t", "truth", null),
                Clock.fixed(SpeedRuleTest.T0.plusSeconds(5), ZoneOffset.UTC),
                () -> new EvidenceManifest.ClockState("test", true, 0.0, null), EnforceabilityPolicy.DEFAULT, null,
                tw.enforce.runtime.evidence.privacy.OverviewMasker.forConfig(
                        new tw.enforce.runtime.config.PrivacyConfig(true, true, false, null, "none", null), null));
        SpeedInput in = rule.inputFor(new TrackView(4, "CAR", 1, null, traj), new SceneContext(List.of(), List.of(), List.of()))
                .orElseThrow();
        RuleOutcome.Violation v = (RuleOutcome.Violation) rule.decide(in);
        long firstFrame = v.frames().get(0).frameSequence();
        java.util.Random rnd = new java.util.Random(7);
        for (TrajectorySample s : traj) {
            byte[] pixels = new byte[320 * 240 * 3];
            rnd.nextBytes(pixels);
            ring.add(new Frame("cam-1", s.frame(), s.at(), 320, 240, pixels));
            boxes.put(s.frame(), offender);
            boolean bystanderInView = s.frame() != firstFrame;
            evidence.frameDetected(s.frame(), bystanderInView
                    ? List.of(new tw.enforce.runtime.detect.Detection(offender, tw.enforce.runtime.detect.ObjectClass.CAR, 0.9),
                              new tw.enforce.runtime.detect.Detection(bystander, tw.enforce.runtime.detect.ObjectClass.CAR, 0.9))
                    : List.of(new tw.enforce.runtime.detect.Detection(offender, tw.enforce.runtime.detect.ObjectClass.CAR, 0.9)));
        }
        ViolationEvidence.Draft draft = evidence.assemble(4, "CAR", boxes, in, v, ring).orElseThrow();
        for (EvidenceFile f : draft.files()) {
            if (!f.name().startsWith("scene-")) {
                continue;
            }
            byte[] captured = ring.find(f.frameSequence()).orElseThrow().jpeg();
            boolean masked = f.role().endsWith(ViolationEvidence.MASKED_ROLE_SUFFIX);
            assertEquals(f.frameSequence() != firstFrame, masked, f.name() + " " + f.role());
            assertEquals(!masked, java.util.Arrays.equals(captured, f.bytes()), f.name() + ": bytes as captured unless masked");
        }
        assertEquals(3, draft.files().stream().filter(f -> f.name().startsWith("scene-")).count());
    }

    @Test
    void caseWhoseFrameLeftTheRingIsNotPackaged() throws Exception {
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(TestSites.write(dir, TestSites.full()));
        ViolationEvidence evidence = new ViolationEvidence(site, new EvidenceManifest.Software("t", "truth", null),
                Clock.systemUTC(), () -> new EvidenceManifest.ClockState("test", true, 0.0, null), EnforceabilityPolicy.DEFAULT, null);
        RuleOutcome.Violation v = new RuleOutcome.Violation("SPEED", SpeedRuleTest.T0, "L1", 70, true, Map.of(),
                List.of(new tw.enforce.runtime.rule.FrameRef(99, "speed-start")));
        Optional<ViolationEvidence.Draft> d = evidence.assemble(1, "CAR", Map.of(), Map.of(), v,
                new FrameRing(Duration.ofSeconds(1), f -> new byte[1]));
        assertTrue(d.isEmpty());
    }
}
