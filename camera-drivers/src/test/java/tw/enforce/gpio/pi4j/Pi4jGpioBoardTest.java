package tw.enforce.gpio.pi4j;

import tw.enforce.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.enforce.gpio.GpioBoard;
import tw.enforce.gpio.PinEdge;

class Pi4jGpioBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final Duration DEBOUNCE = Duration.ofMillis(20);

    private final ManualClock clock = new ManualClock(T0);
    private final MockGpio gpio = MockGpio.start(clock);
    private final GpioBoard board = gpio.board();
    private final List<PinEdge> edges = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        gpio.close();
    }

    @Test
    void drivenInputDeliversLevelAndExactClockTimeBeforeDriveReturns() {
        GpioBoard.DigitalInput red = board.input("red-lamp", 17, DEBOUNCE, edges::add);
        assertFalse(red.isHigh());

        clock.set(T0.plusMillis(3_217));
        gpio.drive(17, true);
        clock.set(T0.plusMillis(9_004));
        gpio.drive(17, false);

        assertEquals(List.of(new PinEdge("red-lamp", 17, true, T0.plusMillis(3_217)),
                new PinEdge("red-lamp", 17, false, T0.plusMillis(9_004))), edges);
        assertFalse(red.isHigh());
    }

    @Test
    void bounceInsideDebounceWindowIsSuppressed() {
        board.input("red-lamp", 17, DEBOUNCE, edges::add);

        gpio.drive(17, true);
        clock.advance(Duration.ofMillis(3));
        gpio.drive(17, false);
        clock.advance(Duration.ofMillis(3));
        gpio.drive(17, true);
        clock.advance(Duration.ofMillis(50));
        gpio.board().settle();

        assertEquals(List.of(new PinEdge("red-lamp", 17, true, T0)), edges);
    }

    @Test
    void levelLeftChangedByABounceIsDeliveredByTheBoardTimerWithItsTransitionTime() {
        board.input("red-lamp", 17, DEBOUNCE, edges::add);
        gpio.drive(17, true);
        clock.advance(Duration.ofMillis(4));
        gpio.drive(17, false);

        clock.advance(Duration.ofMillis(100));

        waitUntil(() -> edges.size() == 2);
        assertEquals(new PinEdge("red-lamp", 17, false, T0.plusMillis(4)), edges.get(1));
    }

    @Test
    void unknownPinIsRejectedNamingThePin() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> board.input("tamper", 99, DEBOUNCE, edges::add));

        assertTrue(e.getMessage().contains("pin 99"), e.getMessage());
    }

    @Test
    void claimedPinCannotBeClaimedAgainAndTheFirstClaimKeepsWorking() {
        board.input("red-lamp", 17, DEBOUNCE, edges::add);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> board.output("flash", 17));
        gpio.drive(17, true);

        assertTrue(e.getMessage().contains("pin 17") && e.getMessage().contains("red-lamp"), e.getMessage());
        assertEquals(1, edges.size());
    }

    @Test
    void outputPulseGoesHighAtOnceAndLowAfterItsWidth() {
        GpioBoard.DigitalOutput flash = board.output("flash", 22);
        assertFalse(gpio.outputLevel(22));

        flash.pulse(Duration.ofMillis(50));

        assertTrue(gpio.outputLevel(22), "pulse starts without waiting");
        waitUntil(() -> !gpio.outputLevel(22));
    }

    @Test
    void setDuringPulseWinsOverThePulseEnd() throws InterruptedException {
        GpioBoard.DigitalOutput flash = board.output("flash", 22);

        flash.pulse(Duration.ofMillis(30));
        flash.set(true);
        Thread.sleep(120);

        assertTrue(gpio.outputLevel(22));
        flash.set(false);
        assertFalse(gpio.outputLevel(22));
    }

    @Test
    void listenerThatThrowsDoesNotStopLaterEdges() {
        board.input("red-lamp", 17, Duration.ZERO, edge -> {
            edges.add(edge);
            throw new IllegalStateException("listener bug");
        });

        gpio.drive(17, true);
        gpio.drive(17, false);

        assertEquals(2, edges.size());
    }

    @Test
    void drivingAPinNobodyClaimedIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> gpio.drive(5, true));
    }

    @Test
    void closedBoardReleasesItsPinsForTheNextBoard() {
        Context context = MockGpio.newMockContext();
        try {
            Pi4jGpioBoard first = new Pi4jGpioBoard(context, clock);
            first.input("red-lamp", 17, DEBOUNCE, edges::add);
            first.close();

            Pi4jGpioBoard second = new Pi4jGpioBoard(context, clock);
            assertEquals("red-lamp", second.input("red-lamp", 17, DEBOUNCE, edges::add).name());
            second.close();
            assertThrows(IllegalStateException.class, () -> second.output("flash", 22));
        } finally {
            context.shutdown();
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 2 s");
            }
            Thread.onSpinWait();
        }
    }
}
