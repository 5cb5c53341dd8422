package tw.enforce.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.enforce.sim.scenario.Behaviour.OBEY;
import static tw.enforce.sim.scenario.Behaviour.RUN;
import static tw.enforce.sim.scenario.Behaviour.STOP;
import static tw.enforce.sim.world.TestScenarios.NEXT_GREEN;
import static tw.enforce.sim.world.TestScenarios.car;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scenario.PedestrianSpec;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.scene.SceneSnapshot;

class WorldTest {

    private static World world(tw.enforce.sim.scenario.Scenario s) {
        return new World(s, SimClock.DEFAULT_EPOCH);
    }

    @Test
    void runningVehicleKeepsItsSpeedThroughTheRed() {
        // 72 km/h = 20 m/s from y = -80 at t = 8: stop line at 12.0 s, exit line at 13.0 s
        World w = world(TestScenarios.of(List.of(car("r", "ABC-1234", "L2", 8.0, 72, RUN))));
        VehicleMotion m = w.vehicles().get(0);
        assertEquals(12.0, m.crossing(0).getAsDouble(), 1e-9);
        assertEquals(13.0, m.crossing(20).getAsDouble(), 1e-9);
        assertEquals(SignalPhase.RED, w.signalPlan().phaseAt(12.0));
        assertEquals(20.0, m.speedAt(12.0), 1e-9);
        assertFalse(m.stops());
    }

    @Test
    void obeyingVehicleArrivingAtAmberWithRoomStopsBeforeTheLineAndGoesOnGreen() {
        // 50 km/h from t = 3.2 would reach the line at 8.96 s, in amber; 38.6 m of braking at 2.5 m/s²
        World w = world(TestScenarios.of(List.of(car("o", "ABC-1234", "L1", 3.2, 50, OBEY))));
        VehicleMotion m = w.vehicles().get(0);
        assertTrue(m.stops());
        assertEquals(-0.5, m.stopY(), 1e-9);
        double previous = Double.NEGATIVE_INFINITY;
        for (double t = 3.2; t < 40; t += 0.01) {
            double y = m.frontY(t);
            assertTrue(y >= previous - 1e-9, "never reverses");
            previous = y;
            if (w.signalPlan().phaseAt(t) != SignalPhase.GREEN || t < NEXT_GREEN) {
                assertTrue(y < 0, "front stays behind the stop line until the next green, at t=" + t + " y=" + y);
            }
        }
        double crossing = m.crossing(0).getAsDouble();
        assertTrue(crossing > NEXT_GREEN + 1.0, "starts after green plus reaction: " + crossing);
        // from rest 0.5 m behind the line at 2 m/s²: sqrt(2·0.5/2) after departure at 29 s
        assertEquals(29.0 + Math.sqrt(0.5), crossing, 1e-9);
        assertEquals(SignalPhase.GREEN, w.signalPlan().phaseAt(crossing));
    }

    @Test
    void obeyingVehicleArrivingOnGreenDoesNotSlowDown() {
        World w = world(TestScenarios.of(List.of(car("g", "ABC-1234", "L1", 0.0, 50, OBEY))));
        VehicleMotion m = w.vehicles().get(0);
        assertFalse(m.stops());
        assertEquals(80 / (50 / 3.6), m.crossing(0).getAsDouble(), 1e-9);
    }

    @Test
    void obeyingVehicleTooCloseToStopComfortablyGoesOnAmber() {
        // appears 20 m before the line at 60 km/h: stopping would need 7.1 m/s²
        World w = world(TestScenarios.of(List.of(car("c", "ABC-1234", "L1", 8.0, 60, OBEY)), List.of(), -20.0));
        VehicleMotion m = w.vehicles().get(0);
        assertFalse(m.stops());
        assertEquals(SignalPhase.AMBER, w.signalPlan().phaseAt(m.crossing(0).getAsDouble()));
    }

    @Test
    void stoppingDriverStopsEvenOnGreenThenGoes() {
        // green 0–12 s; 72 km/h appearing 80 m out brakes at once (79.5 m to rest 0.5 m before the line)
        tw.enforce.sim.scenario.Scenario sc = new tw.enforce.sim.scenario.Scenario("stop", 40.0, null, 1L, null, null,
                TestScenarios.road(null), new tw.enforce.sim.scenario.SignalSpec(12, 3, 2, 15,
                tw.enforce.sim.scenario.SignalSpec.Interval.GREEN, 0.0, null), null,
                new tw.enforce.sim.scenario.Actors(List.of(car("s", "ABC-1234", "L1", 0.0, 72, STOP)), List.of()));
        World w = world(sc);
        VehicleMotion m = w.vehicles().get(0);
        assertTrue(m.stops());
        assertEquals(20.0 / (400.0 / (2 * 79.5)), m.stoppedAt(), 1e-9);
        assertEquals(-0.5, m.frontY(m.stoppedAt()), 1e-9);
        assertEquals(SignalPhase.GREEN, w.signalPlan().phaseAt(m.stoppedAt()));
        // stands the 2 s dwell, then reacts in 1 s
        assertEquals(m.stoppedAt() + 3.0, m.departsAt(), 1e-9);
        assertEquals(-0.5, m.frontY(m.departsAt()), 1e-9);
        assertEquals(SignalPhase.GREEN, w.signalPlan().phaseAt(m.crossing(0).getAsDouble()));
    }

    @Test
    void stoppingDriverWhoseDwellEndsOffGreenWaitsForTheNextGreen() {
        // 36 km/h: cruise 59.5 m to y = -20.5 (5.95 s), brake 4 s at 2.5 m/s², rest at 9.95 s;
        // after the 2 s dwell the light is red, so it waits for green and reacts in 1 s
        World w = world(TestScenarios.of(List.of(car("s", "ABC-1234", "L1", 0.0, 36, STOP))));
        VehicleMotion m = w.vehicles().get(0);
        assertEquals(9.95, m.stoppedAt(), 1e-9);
        assertEquals(-0.5, m.frontY(9.95), 1e-9);
        assertEquals(NEXT_GREEN + 1.0, m.departsAt(), 1e-9);
    }

    @Test
    void secondVehicleQueuesBehindTheFirstAndStartsAHeadwayLater() {
        World w = world(TestScenarios.of(List.of(
                car("a", "ABC-1234", "L1", 3.2, 50, OBEY),
                car("b", "ABD-1234", "L1", 12.0, 50, OBEY))));
        VehicleMotion a = w.vehicles().get(0);
        VehicleMotion b = w.vehicles().get(1);
        assertEquals(-0.5 - 4.5 - 2.0, b.stopY(), 1e-9);
        assertEquals(a.departsAt() + 1.5, b.departsAt(), 1e-9);
    }

    @Test
    void overlappingVehiclesInOneLaneAreRejectedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> world(TestScenarios.of(List.of(
                car("slow", "ABC-1234", "L1", 0.0, 30, RUN),
                car("fast", "ABD-1234", "L1", 1.0, 80, RUN)))));
        assertTrue(e.getMessage().contains("'slow' and 'fast'"), e.getMessage());
        assertTrue(e.getMessage().contains("x=-1.8"), e.getMessage());
    }

    @Test
    void snapshotHoldsPresentActorsWithLaneCentreAndPhase() {
        PedestrianSpec p = new PedestrianSpec("p", 14.0, new PedestrianSpec.Point(-8, 3), new PedestrianSpec.Point(8, 3), 2.0, null);
        World w = world(TestScenarios.of(List.of(car("r", "ABC-1234", "L2", 8.0, 72, RUN)), List.of(p), null));
        SceneSnapshot early = w.snapshot(5.0);
        assertEquals(List.of(), early.actors());
        SceneSnapshot s = w.snapshot(14.25);
        assertEquals(SignalPhase.RED, s.phase());
        assertEquals(SceneSnapshot.Weather.CLEAR, s.weather());
        assertEquals(w.instantAt(14.25), s.at());
        ActorState car = s.actors().get(0);
        assertEquals(ActorKind.CAR, car.kind());
        assertEquals(1.75, car.x(), 1e-12);
        assertEquals(45.0, car.y(), 1e-9); // -80 + 20 m/s · 6.25 s
        assertEquals("ABC-1234", car.plate());
        ActorState ped = s.actors().get(1);
        assertEquals(-7.5, ped.x(), 1e-9);
        assertEquals(90.0, ped.headingDeg(), 1e-9);
        assertEquals(w.snapshot(14.25), w.snapshotAt(w.instantAt(14.25)));
        // its front passes leaveY = 50 at 14.5 s: then it has left the scene
        assertEquals(List.of("p"), w.snapshot(14.5).actors().stream().map(ActorState::actorId).toList());
    }
}
