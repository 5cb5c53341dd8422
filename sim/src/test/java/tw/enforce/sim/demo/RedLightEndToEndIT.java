package tw.enforce.sim.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.rule.RedLightDecision;
import tw.enforce.runtime.rule.RedLightInput;
import tw.enforce.runtime.rule.RedLightRule;
import tw.enforce.sim.score.RedLightScore;
import tw.enforce.sync.center.StoredPackage;
import tw.enforce.sync.protocol.CanonicalJson;

/**
 * The walking skeleton, end to end, with the real parts: frames rendered from real photos, the real
 * YOLOX-Nano model through DJL/ONNX Runtime, lamp edges through Pi4J's mock GPIO, SQLite files, and
 * an MQTT 5 broker over TCP on loopback between the unit's sync agent and the center receiver.
 */
class RedLightEndToEndIT {
    @TempDir
    Path out;

    @Test
    void exactlyTheGroundTruthViolatorsArriveVerifiedAndAcknowledged() throws Exception {
        Path shared = Path.of(System.getProperty("enforce.shared.dir", "../../shared"));
        Assumptions.assumeTrue(Files.isReadable(shared.resolve(DetectorFactory.YOLOX_FILE)),
                "needs ../shared/models/yolox_nano.onnx and ../shared/data (absent in a bare clone)");

        RunResult r = IntersectionRun.run(new RunOptions(Path.of("scenarios/red-light-basic.yaml"), out,
                RunOptions.DetectorChoice.YOLOX, shared, null, Path.of("target/sprite-cache")));

        RedLightScore s = r.score();
        assertEquals(2, r.truth().violators().size(), "the scenario has two red-light runners");
        assertTrue(s.falsePositives().isEmpty(), "no wrong tickets: " + s.falsePositives());
        assertTrue(s.missed().isEmpty(), "no missed violators: " + s.missed());
        assertTrue(r.allDelivered(), "all evidence verified at the center and acknowledged: " + r.outbox() + " " + r.center());
        assertEquals(2, r.center().size());
        assertTrue(r.center().stream().allMatch(p -> p.status() == StoredPackage.Status.ACCEPTED));
        assertTrue(s.maxTimeIntoRedErrorSeconds() < 2.0 / 15, "time into red within two frame intervals: "
                + s.matches());
        assertTrue(r.detector().startsWith("yolox_nano.onnx"), r.detector());

        long read = s.matches().stream().filter(m -> m.decided().plate() != null).count();
        assertTrue(read >= 1, "the plate reader is wired: at least one offender's plate is read");
        for (RedLightScore.Match m : s.matches()) {
            if (m.decided().plate() != null) {
                assertEquals(m.truth().plate().replace("-", ""), m.decided().plate().replace("-", ""),
                        "a plate that is read is read right (a wrong plate is a wrong ticket)");
            }
            Path manifest = out.resolve("unit/evidence").resolve(m.decided().packageId()).resolve("manifest.json");
            JsonNode json = CanonicalJson.read(Files.readAllBytes(manifest));
            RedLightInput input = CanonicalJson.mapper().treeToValue(json.get("decisionInput"), RedLightInput.class);
            RedLightDecision.Violation replayed = (RedLightDecision.Violation) RedLightRule.decide(input);
            assertEquals(Instant.parse(json.get("measurement").get("stopLineCrossing").asText()), replayed.stopLineCrossing(),
                    "the decision replays from the evidence alone");
            assertEquals(json.get("measurement").get("timeIntoRedSeconds").asDouble(), replayed.timeIntoRedSeconds(), 0.0);
            assertFalse(json.get("files").isEmpty());
        }
    }
}
