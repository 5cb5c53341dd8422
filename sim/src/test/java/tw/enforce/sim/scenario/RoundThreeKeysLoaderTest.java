package tw.enforce.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys for paths, lane rules, rule geometry and rule sections load, default and fail strictly. */
class RoundThreeKeysLoaderTest {
    static final String FULL = """
            name: t
            durationSeconds: 20
            seed: 7
            road:
              laneBoundariesX: [-7.0, -3.5, 0.0, 3.5]
              stopLineY: 0.0
              exitLineY: 20.0
              junction: {xMin: -12.0, xMax: 10.5}
              lanes:
                - {id: L1, travel: opposite}
                - {id: L2, movements: [straight, left, uTurn], turnOnRed: [], speedLimitKmh: 50,
                   classSpeedLimitKmh: {MOTORCYCLE: 40}, bannedClasses: [truck]}
              crosswalks:
                - {id: CW1, yMin: 2.0, yMax: 6.0, xMin: -9.0, xMax: 7.0}
              noStoppingZones:
                - {id: Z1, kind: busStop, maxDwellSeconds: 30, polygon: [{x: 3.5, y: -20}, {x: 6, y: -20}, {x: 6, y: -5}]}
              doubleLines:
                - {id: D1, colour: white, from: {x: -3.5, y: -30}, to: {x: -3.5, y: -2}}
            signal: {greenSeconds: 10, amberSeconds: 3, allRedSeconds: 2, redSeconds: 10, startPhase: green}
            rules:
              speed: {fromY: -20.0, toY: -5.0}
              yield: {}
              lineCrossing: {}
              turn: {}
              wrongWay: {minDistanceM: 6.0}
              restrictedClass: {checkY: -2.0}
              noStopping: {standingKmh: 2.0}
            actors:
              vehicles:
                - {id: v1, kind: car, plate: ABC-1234, lane: L2, enterAt: 0.0, speedKmh: 50, behaviour: run, movement: uTurn, turnRadiusM: 4.0}
                - {id: v2, kind: car, plate: ABD-1234, lane: L3, enterAt: 0.0, speedKmh: 50, behaviour: run,
                   laneChange: {toLane: L2, startY: -40.0}}
                - {id: v3, kind: car, plate: ABE-1234, lane: L3, enterAt: 9.0, speedKmh: 30, behaviour: run, travel: opposite}
                - {id: v4, kind: car, plate: ABF-1234, lane: L3, enterAt: 2.0, speedKmh: 40, behaviour: run, park: {y: -10.0, x: 4.75, dwellSeconds: 5}}
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void everyRoundThreeKeyLoadsWithItsDefaults() throws IOException {
        Scenario s = new ScenarioLoader().load(write(FULL));
        RoadSpec r = s.road();
        assertEquals(Travel.OPPOSITE, r.lane("L1").travel());
        assertEquals(Travel.APPROACH, r.lane("L3").travel());
        assertEquals(LaneSpec.DEFAULT_MOVEMENTS, r.lane("L3").movements());
        assertEquals(List.of(Movement.STRAIGHT, Movement.LEFT, Movement.U_TURN), r.lane("L2").movements());
        assertEquals(40.0, r.lane("L2").limitFor(VehicleKind.MOTORCYCLE));
        assertEquals(50.0, r.lane("L2").limitFor(VehicleKind.CAR));
        assertTrue(Double.isNaN(r.lane("L3").limitFor(VehicleKind.CAR)));
        assertEquals(List.of(VehicleKind.TRUCK), r.lane("L2").bannedClasses());
        assertEquals(-12.0, r.junctionOrDefault().xMin());
        assertEquals(Markings.ZoneKind.BUS_STOP, r.noStoppingZones().get(0).kind());
        assertTrue(r.noStoppingZones().get(0).contains(5.5, -10.0));
        assertEquals("white", r.doubleLines().get(0).colour());
        assertEquals(3.0, s.rules().yield().conflictDistanceM());
        assertEquals(0.0, s.rules().speed().marginKmh());
        assertEquals(3.0, s.rules().speed().radarToleranceKmh());
        assertEquals(6.0, s.rules().wrongWay().minDistanceM());
        assertEquals(0.8, s.rules().restrictedClass().minClassAgreement());
        assertEquals(Movement.U_TURN, s.actors().vehicles().get(0).movement());
        assertEquals(20.0, s.actors().vehicles().get(1).laneChange().lengthM());
        assertEquals(Travel.OPPOSITE, s.actors().vehicles().get(2).travel());
    }

    @Test
    void unknownKeyInALaneIsRefusedWithItsLine() throws IOException {
        Path f = write(FULL.replace("- {id: L1, travel: opposite}", "- {id: L1, travel: opposite, direction: up}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(f));
        assertTrue(e.getMessage().contains(":10:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'direction'"), e.getMessage());
    }

    @Test
    void badMovementWordIsRefusedNamingIt() throws IOException {
        Path f = write(FULL.replace("movement: uTurn", "movement: sideways"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(f));
        assertTrue(e.getMessage().contains("sideways"), e.getMessage());
        assertTrue(e.getMessage().contains("actors.vehicles[0].movement"), e.getMessage());
    }

    @Test
    void laneRulesForALaneThatDoesNotExistAreRefused() throws IOException {
        Path f = write(FULL.replace("- {id: L1, travel: opposite}", "- {id: L9, travel: opposite}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(f));
        assertTrue(e.getMessage().contains("no lane 'L9'"), e.getMessage());
    }

    @Test
    void junctionNarrowerThanTheLanesIsRefused() throws IOException {
        Path f = write(FULL.replace("junction: {xMin: -12.0, xMax: 10.5}", "junction: {xMin: -5.0, xMax: 10.5}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(f));
        assertTrue(e.getMessage().contains("narrower than the lanes"), e.getMessage());
    }

    @Test
    void oppositeTravellerCannotTurnOrPark() throws IOException {
        Path f = write(FULL.replace("behaviour: run, travel: opposite}", "behaviour: run, travel: opposite, movement: left}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioLoader().load(f));
        assertTrue(e.getMessage().contains("vehicle 'v3'"), e.getMessage());
    }
}
