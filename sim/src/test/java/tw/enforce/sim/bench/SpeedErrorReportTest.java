package tw.enforce.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.truth.GroundTruth;
import tw.enforce.sim.truth.RuleId;
import tw.enforce.sim.world.SimClock;
import tw.enforce.sim.world.World;

class SpeedErrorReportTest {
    @Test
    void everyGeneratedRunPutsEveryCarThroughItsZoneAsASpeedingCase() {
        for (int fps : List.of(15, 30)) {
            for (double middle : SpeedErrorReport.ZONE_MIDDLES_Y) {
                Scenario s = SpeedErrorReport.scenario(fps, middle);
                GroundTruth t = GroundTruth.of(new World(s, SimClock.DEFAULT_EPOCH));
                assertEquals(2 * SpeedErrorReport.SPEEDS_KMH.length, t.offences(RuleId.SPEED).size(), s.name());
                for (var o : t.offences(RuleId.SPEED)) {
                    assertEquals(1, List.of(30.0, 50.0, 70.0, 90.0, 110.0, 130.0).stream()
                            .filter(k -> Math.abs(k - o.speedKmh()) < 1e-6).count(), "a cruise speed: " + o);
                }
            }
        }
    }
}
