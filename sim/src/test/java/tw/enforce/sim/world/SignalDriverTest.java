package tw.enforce.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tw.enforce.runtime.signal.SignalPhase.AMBER;
import static tw.enforce.runtime.signal.SignalPhase.GREEN;
import static tw.enforce.runtime.signal.SignalPhase.RED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.signal.SignalPhase;

class SignalDriverTest {

    /** Records each lamp switch with the clock's reading at that moment. */
    static final class RecordingLamps implements LampDriver {
        record Switch(Instant at, SignalPhase lamp, boolean on) {
        }

        final List<Switch> switches = new ArrayList<>();
        private final SimClock clock;

        RecordingLamps(SimClock clock) {
            this.clock = clock;
        }

        @Override
        public void set(SignalPhase lamp, boolean on) {
            switches.add(new Switch(clock.instant(), lamp, on));
        }
    }

    private final SimClock clock = new SimClock(SimClock.DEFAULT_EPOCH);
    private final RecordingLamps lamps = new RecordingLamps(clock);
    private final SignalDriver driver = new SignalDriver(new SignalPlan(TestScenarios.signal()), clock, lamps);

    private Instant at(double s) {
        return SimClock.DEFAULT_EPOCH.plusNanos(Math.round(s * 1e9));
    }

    @Test
    void lampEdgesAreDrivenAtTheirExactTimesWhileFramesAdvance() {
        driver.start();
        for (int k = 1; k <= 15 * 30; k++) {
            driver.advanceTo(k / 15.0);
        }
        assertEquals(List.of(
                new RecordingLamps.Switch(at(0), RED, false),
                new RecordingLamps.Switch(at(0), AMBER, false),
                new RecordingLamps.Switch(at(0), GREEN, true),
                new RecordingLamps.Switch(at(8), GREEN, false),
                new RecordingLamps.Switch(at(8), AMBER, true),
                new RecordingLamps.Switch(at(11), AMBER, false),
                new RecordingLamps.Switch(at(11), RED, true),
                new RecordingLamps.Switch(at(28), RED, false),
                new RecordingLamps.Switch(at(28), GREEN, true)), lamps.switches);
        assertEquals(at(30), clock.instant());
        assertEquals(30.0, driver.now(), 1e-12);
    }

    @Test
    void clockIsLeftAtTheRequestedTimeAfterAnEdge() {
        driver.start();
        driver.advanceTo(11.0 + 1 / 15.0);
        assertEquals(at(11.0 + 1 / 15.0), clock.instant());
        assertEquals(at(11), lamps.switches.get(lamps.switches.size() - 1).at());
    }

    @Test
    void timeCannotGoBack() {
        driver.start();
        driver.advanceTo(5);
        assertThrows(IllegalArgumentException.class, () -> driver.advanceTo(4.9));
    }

    @Test
    void advancingBeforeStartIsRefused() {
        assertThrows(IllegalStateException.class, () -> driver.advanceTo(1));
    }
}
