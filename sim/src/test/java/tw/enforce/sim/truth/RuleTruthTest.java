package tw.enforce.sim.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sim.scenario.ScenarioLoader;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.VehicleMotion;
import tw.enforce.sim.world.World;

/** Each rule's truth follows the round-3 offence definition, with the hard negatives beside the positives. */
class RuleTruthTest {
    private static final String HEAD = """
            name: t
            durationSeconds: 40
            seed: 1
            camera: {y: 45.0, mountHeight: 8.0, pitchDeg: 14.0, focalPx: 1000}
            signal: {greenSeconds: 60, amberSeconds: 3, allRedSeconds: 2, redSeconds: 20, startPhase: green}
            """;

    @TempDir
    Path dir;

    private World world(String body) throws IOException {
        return world(body, "");
    }

    /** The scenario with {@code dropFromHead} taken out of the common head (to give it another signal plan). */
    private World world(String body, String dropFromHead) throws IOException {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, (dropFromHead.isEmpty() ? HEAD : HEAD.replace(dropFromHead, "")) + body);
        return new World(new ScenarioLoader().load(f), SimClock.DEFAULT_EPOCH);
    }

    private static List<String> ids(GroundTruth t, RuleId rule) {
        return t.offences(rule).stream().map(Offence::vehicleId).toList();
    }

    @Test
    void speedIsTheMeanOverTheZoneAgainstTheClassLimitOfTheLane() throws IOException {
        GroundTruth t = GroundTruth.of(world("""
                road: {laneBoundariesX: [-3.5, 0.0, 3.5], stopLineY: 0.0, exitLineY: 20.0,
                       lanes: [{id: L1, speedLimitKmh: 50, classSpeedLimitKmh: {MOTORCYCLE: 40}}]}
                rules: {speed: {fromY: -10.0, toY: 10.0, marginKmh: 2.0}}
                actors:
                  vehicles:
                    - {id: fast, kind: car, plate: ABC-1001, lane: L1, enterAt: 0.0, speedKmh: 53, behaviour: run}
                    - {id: margin, kind: car, plate: ABC-1002, lane: L1, enterAt: 8.0, speedKmh: 51.5, behaviour: run}
                    - {id: moto, kind: motorcycle, plate: MTR-101, lane: L1, enterAt: 16.0, speedKmh: 45, behaviour: run}
                    - {id: nolimit, kind: car, plate: ABC-1004, lane: L2, enterAt: 0.0, speedKmh: 90, behaviour: run}
                """));
        assertEquals(List.of("fast", "moto"), ids(t, RuleId.SPEED));
        Offence fast = t.offences(RuleId.SPEED).get(0);
        assertEquals(53.0, fast.speedKmh(), 1e-6);
        assertEquals(80 / (53 / 3.6), fast.eventSeconds(), 1e-6, "front at the zone middle (y = 0)");
        assertEquals(4, t.speedPasses().size(), "every vehicle through the zone has a true mean speed");
        assertTrue(Double.isNaN(t.speedPasses().stream().filter(p -> p.vehicleId().equals("nolimit")).findFirst()
                .orElseThrow().limitKmh()));
    }

    @Test
    void yieldNeedsAPedestrianOnTheCrosswalkWithinTheConflictDistance() throws IOException {
        GroundTruth t = GroundTruth.of(world("""
                road: {laneBoundariesX: [-3.5, 0.0, 3.5], stopLineY: 0.0, exitLineY: 20.0,
                       crosswalks: [{id: CW1, yMin: 2.0, yMax: 6.0, xMin: -7.0, xMax: 7.0}]}
                rules: {yield: {conflictDistanceM: 3.0}}
                actors:
                  vehicles:
                    - {id: near, kind: car, plate: ABC-1001, lane: L2, enterAt: 0.0, speedKmh: 36, behaviour: run}
                    - {id: far, kind: car, plate: ABC-1002, lane: L1, enterAt: 0.0, speedKmh: 36, behaviour: run}
                  pedestrians:
                    - {id: p, enterAt: 7.0, from: {x: 4.0, y: 4.0}, to: {x: 6.5, y: 4.0}, speedMps: 0.5}
                """));
        // both fronts are on the crosswalk from 8.2 s to 8.6 s; p stands about x = 4.6: 2.85 m from L2, 6.35 m from L1
        assertEquals(List.of("near"), ids(t, RuleId.YIELD));
        assertEquals(82 / 10.0, t.offences(RuleId.YIELD).get(0).eventSeconds(), 1e-6, "front at the near edge");
    }

    @Test
    void lineCrossingCountsOnlyWithinTheSegment() throws IOException {
        GroundTruth t = GroundTruth.of(world("""
                road: {laneBoundariesX: [-3.5, 0.0, 3.5], stopLineY: 0.0, exitLineY: 20.0,
                       doubleLines: [{id: D1, from: {x: 0.0, y: -30.0}, to: {x: 0.0, y: -2.0}}]}
                rules: {lineCrossing: {}}
                actors:
                  vehicles:
                    - {id: across, kind: car, plate: ABC-1001, lane: L1, enterAt: 0.0, speedKmh: 36, behaviour: run,
                       laneChange: {toLane: L2, startY: -25.0, lengthM: 10.0}}
                    - {id: before, kind: car, plate: ABC-1002, lane: L2, enterAt: 6.0, speedKmh: 36, behaviour: run,
                       laneChange: {toLane: L1, startY: -60.0, lengthM: 10.0}}
                    - {id: beside, kind: car, plate: ABC-1003, lane: L1, enterAt: 10.0, speedKmh: 36, behaviour: run}
                """));
        assertEquals(List.of("across"), ids(t, RuleId.LINE_CROSSING));
        assertEquals(60.0 / 10, t.offences(RuleId.LINE_CROSSING).get(0).eventSeconds(), 1e-6, "halfway through the shift at y = -20");
    }

    @Test
    void movementsAreReadFromHowTheVehicleLeavesTheJunction() throws IOException {
        World w = world("""
                road: {laneBoundariesX: [-3.5, 0.0, 3.5], stopLineY: 0.0, exitLineY: 20.0, junction: {xMin: -10.5, xMax: 10.5},
                       lanes: [{id: L1, movements: [straight, left]}, {id: L2, movements: [straight, right]}]}
                rules: {turn: {}}
                actors:
                  vehicles:
                    - {id: left, kind: car, plate: ABC-1001, lane: L1, enterAt: 0.0, speedKmh: 30, behaviour: run, movement: left}
                    - {id: right, kind: car, plate: ABC-1002, lane: L2, enterAt: 0.0, speedKmh: 30, behaviour: run, movement: right}
                    - {id: leftL2, kind: car, plate: ABC-1003, lane: L2, enterAt: 14.0, speedKmh: 30, behaviour: run, movement: left}
                    - {id: uturn, kind: car, plate: ABC-1004, lane: L1, enterAt: 14.0, speedKmh: 20, behaviour: run, movement: uTurn}
                """);
        GroundTruth t = GroundTruth.of(w);
        assertEquals(List.of("leftL2", "uturn"), ids(t, RuleId.ILLEGAL_TURN));
        assertEquals(List.of("LEFT", "U_TURN"), t.offences(RuleId.ILLEGAL_TURN).stream().map(Offence::detail).toList());
        VehicleMotion left = w.vehicles().get(0);
        double later = left.crossing(0.0).getAsDouble() + 6;
        assertTrue(left.frontX(later) < -10.5, "the left turner is out of the junction sideways 6 s after the line");
        assertEquals(-90.0, left.headingAt(later), 1e-6);
        VehicleMotion u = w.vehicles().get(3);
        assertEquals(180.0, Math.abs(u.headingAt(u.crossing(0.0).getAsDouble() + 5)), 1e-6, "travelling back down the approach");
    }

    @Test
    void wrongWayIsCountedFromWhenTheVehicleIsInViewMovingAgainstItsLane() throws IOException {
        World w = world("""
                road: {laneBoundariesX: [-7.0, -3.5, 0.0, 3.5], stopLineY: 0.0, exitLineY: 20.0, entryY: -40.0,
                       lanes: [{id: L1, travel: opposite}]}
                rules: {wrongWay: {minDistanceM: 8.0}}
                actors:
                  vehicles:
                    - {id: lawful, kind: car, plate: ABC-1001, lane: L1, enterAt: 0.0, speedKmh: 36, behaviour: run}
                    - {id: against, kind: car, plate: ABC-1002, lane: L2, enterAt: 0.0, speedKmh: 36, behaviour: run, travel: opposite}
                    - {id: intoOncoming, kind: car, plate: ABC-1003, lane: L1, enterAt: 12.0, speedKmh: 36, behaviour: run, travel: approach}
                """);
        GroundTruth t = GroundTruth.of(w);
        assertEquals(List.of("against", "intoOncoming"), ids(t, RuleId.WRONG_WAY));
        Offence into = t.offences(RuleId.WRONG_WAY).get(1);
        assertEquals(12.8, into.eventSeconds(), 0.02, "in view from its entry: 8 m at 10 m/s");
    }

    @Test
    void restrictedClassIsJudgedByTheLaneAtTheCheckLine() throws IOException {
        GroundTruth t = GroundTruth.of(world("""
                road: {laneBoundariesX: [-3.5, 0.0, 3.5], stopLineY: 0.0, exitLineY: 20.0,
                       lanes: [{id: L1, bannedClasses: [MOTORCYCLE]}]}
                rules: {restrictedClass: {}}
                actors:
                  vehicles:
                    - {id: banned, kind: motorcycle, plate: MTR-101, lane: L1, enterAt: 0.0, speedKmh: 40, behaviour: run}
                    - {id: leftIt, kind: motorcycle, plate: MTR-102, lane: L1, enterAt: 4.0, speedKmh: 40, behaviour: run,
                       laneChange: {toLane: L2, startY: -30.0, lengthM: 12.0}}
                    - {id: car, kind: car, plate: ABC-1003, lane: L1, enterAt: 9.0, speedKmh: 40, behaviour: run}
                """));
        assertEquals(List.of("banned"), ids(t, RuleId.RESTRICTED_CLASS));
    }

    @Test
    void noStoppingNeedsTheWholeDwellInsideTheZone() throws IOException {
        GroundTruth t = GroundTruth.of(world("""
                road: {laneBoundariesX: [-3.5, 0.0, 3.5], stopLineY: 0.0, exitLineY: 20.0,
                       noStoppingZones: [{id: Z1, maxDwellSeconds: 10, polygon: [{x: 3.5, y: -20}, {x: 6.5, y: -20}, {x: 6.5, y: -2}, {x: 3.5, y: -2}]}]}
                rules: {noStopping: {}}
                actors:
                  vehicles:
                    - {id: parks, kind: car, plate: ABC-1001, lane: L2, enterAt: 0.0, speedKmh: 40, behaviour: run,
                       park: {y: -4.0, x: 5.0, dwellSeconds: 12}}
                    - {id: dropsOff, kind: car, plate: ABC-1002, lane: L2, enterAt: 2.0, speedKmh: 40, behaviour: run,
                       park: {y: -15.0, x: 5.0, dwellSeconds: 8}}
                """));
        assertEquals(List.of("parks"), ids(t, RuleId.NO_STOPPING));
    }

    @Test
    void redLightOnlyForAMovementNotExemptInTheLane() throws IOException {
        // red from 5 s: both reach the line 7.2 s after entering at 0 s, 2.2 s into red
        GroundTruth t = GroundTruth.of(world("""
                road: {laneBoundariesX: [-3.5, 0.0, 3.5], stopLineY: 0.0, exitLineY: 20.0, entryY: -60.0,
                       junction: {xMin: -10.5, xMax: 10.5}, lanes: [{id: L2, turnOnRed: [right]}]}
                actors:
                  vehicles:
                    - {id: leftOnRed, kind: car, plate: ABC-1001, lane: L1, enterAt: 0.0, speedKmh: 30, behaviour: run, movement: left}
                    - {id: rightOnRed, kind: car, plate: ABC-1002, lane: L2, enterAt: 0.0, speedKmh: 30, behaviour: run, movement: right}
                """.replace("road:", "signal: {greenSeconds: 3, amberSeconds: 2, allRedSeconds: 2, redSeconds: 30, startPhase: green}\nroad:"),
                "signal: {greenSeconds: 60, amberSeconds: 3, allRedSeconds: 2, redSeconds: 20, startPhase: green}\n"));
        assertEquals(List.of("leftOnRed"), ids(t, RuleId.RED_LIGHT));
        assertEquals("LEFT", t.vehicle("leftOnRed").movement());
        assertEquals(2.2, t.vehicle("leftOnRed").timeIntoRedSeconds(), 1e-6);
        assertFalse(t.vehicle("rightOnRed").redLightViolator(), "right on red is exempt in L2");
    }
}
