package tw.enforce.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sim.scene.SceneSnapshot.Weather;

class ScenarioLoaderTest {
    static final String VALID = """
            name: t
            durationSeconds: 20
            seed: 7
            road:
              laneBoundariesX: [-3.5, 0.0, 3.5]
              stopLineY: 0.0
              exitLineY: 20.0
            signal:
              greenSeconds: 10
              amberSeconds: 3
              allRedSeconds: 2
              redSeconds: 10
              startPhase: green
            actors:
              vehicles:
                - id: v1
                  kind: car
                  plate: ABC-1234
                  lane: L1
                  enterAt: 0.0
                  speedKmh: 50
                  behaviour: run
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private ScenarioException loadFails(String name, String text) throws IOException {
        Path f = write(name, text);
        return assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(f));
    }

    @Test
    void validScenarioLoadsWithDefaultsFilledIn() throws IOException {
        Scenario s = new ScenarioLoader().load(write("ok.yaml", VALID));
        assertEquals(15, s.fps());
        assertEquals(Weather.CLEAR, s.weather());
        assertEquals(1280, s.camera().imageWidth());
        assertEquals(720, s.camera().imageHeight());
        assertEquals(17, s.signal().pins().red());
        assertEquals(27, s.signal().pins().amber());
        assertEquals(22, s.signal().pins().green());
        assertEquals(27, s.signal().pins().pinFor(tw.enforce.runtime.signal.SignalPhase.AMBER));
        assertEquals(0.3, s.rules().redLight().graceSeconds());
        assertEquals(VehicleKind.CAR, s.actors().vehicles().get(0).kind());
        assertEquals(Behaviour.RUN, s.actors().vehicles().get(0).behaviour());
        assertEquals(301, s.frameCount());
    }

    @Test
    void unknownKeyIsRejectedWithFileLineAndKey() throws IOException {
        String text = VALID.replace("  exitLineY: 20.0\n", "  exitLineY: 20.0\n  stopLineColour: white\n");
        ScenarioException e = loadFails("unknown-key.yaml", text);
        assertTrue(e.getMessage().contains("unknown-key.yaml:8:3: road.stopLineColour: unknown key 'stopLineColour'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("stopLineColour"), e.getMessage());
        assertTrue(e.getMessage().contains("road"), e.getMessage());
    }

    @Test
    void missingRequiredFieldIsNamedWithItsLine() throws IOException {
        String text = VALID.replace("      amberSeconds: 3\n", "").replace("  amberSeconds: 3\n", "");
        ScenarioException e = loadFails("missing.yaml", text);
        assertTrue(e.getMessage().startsWith(dir.resolve("missing.yaml") + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("missing.yaml:8:1: signal.amberSeconds: Missing required"), e.getMessage());
    }

    @Test
    void badPlateFormatIsRejectedWithPlateAndExpectedFormats() throws IOException {
        ScenarioException e = loadFails("plate.yaml", VALID.replace("ABC-1234", "ABC1234"));
        assertTrue(e.getMessage().contains("plate.yaml:16:7: actors.vehicles[0]: vehicle 'v1'"), e.getMessage());
        assertTrue(e.getMessage().contains("'ABC1234'"), e.getMessage());
        assertTrue(e.getMessage().contains("ABC-1234, AB-1234 or 1234-AB"), e.getMessage());
    }

    @Test
    void motorcyclePlateFormatsDifferFromCars() throws IOException {
        String moto = VALID.replace("kind: car", "kind: motorcycle");
        ScenarioException e = loadFails("moto.yaml", moto);
        assertTrue(e.getMessage().contains("ABC-123 or 123-ABC"), e.getMessage());
        Scenario ok = new ScenarioLoader().load(write("moto-ok.yaml", moto.replace("ABC-1234", "123-ABC")));
        assertEquals("123-ABC", ok.actors().vehicles().get(0).plate());
    }

    @Test
    void negativeSpeedIsRejectedNamingVehicleAndValue() throws IOException {
        ScenarioException e = loadFails("speed.yaml", VALID.replace("speedKmh: 50", "speedKmh: -10"));
        assertTrue(e.getMessage().matches("(?s).*speed\\.yaml:\\d+:\\d+: .*"), e.getMessage());
        assertTrue(e.getMessage().contains("vehicle 'v1': speedKmh"), e.getMessage());
        assertTrue(e.getMessage().contains("-10"), e.getMessage());
    }

    @Test
    void wrongTypeIsRejectedAtItsLine() throws IOException {
        ScenarioException e = loadFails("type.yaml", VALID.replace("durationSeconds: 20", "durationSeconds: long"));
        assertTrue(e.getMessage().contains("type.yaml:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("durationSeconds"), e.getMessage());
    }

    @Test
    void unknownEnumValueListsTheAcceptedOnes() throws IOException {
        ScenarioException e = loadFails("enum.yaml", VALID.replace("behaviour: run", "behaviour: speed"));
        assertTrue(e.getMessage().contains("enum.yaml:22:"), e.getMessage());
        assertTrue(e.getMessage().contains("OBEY"), e.getMessage());
    }

    @Test
    void explicitNullForRequiredFieldIsRejected() throws IOException {
        ScenarioException e = loadFails("null.yaml", VALID.replace("lane: L1", "lane: ~"));
        assertTrue(e.getMessage().contains("lane"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*null\\.yaml:\\d+:\\d+: .*"), e.getMessage());
    }

    @Test
    void vehicleInUndefinedLaneIsRejected() throws IOException {
        ScenarioException e = loadFails("lane.yaml", VALID.replace("lane: L1", "lane: L3"));
        assertTrue(e.getMessage().contains("no lane 'L3'"), e.getMessage());
    }

    @Test
    void fractionalFpsIsNotTruncated() throws IOException {
        ScenarioException e = loadFails("fps.yaml", VALID.replace("seed: 7", "seed: 7\nfps: 12.5"));
        assertTrue(e.getMessage().contains("fps"), e.getMessage());
    }

    @Test
    void allRedStartPhaseIsAccepted() throws IOException {
        Scenario s = new ScenarioLoader().load(write("allred.yaml", VALID.replace("startPhase: green", "startPhase: allRed")));
        assertEquals(SignalSpec.Interval.ALL_RED, s.signal().startPhase());
    }
}
