package tw.enforce.watchdog;

import tw.enforce.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogKeeperTest {
    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path temp;

    /** Counts pets; fails them on demand. */
    static final class FakeWatchdog implements Watchdog {
        int pets;
        boolean failing;
        boolean closed;

        @Override
        public void pet() throws IOException {
            if (failing) {
                throw new IOException("write failed");
            }
            pets++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void petsOnlyWhileThePipelineShowsSignsOfLife() {
        FakeWatchdog dog = new FakeWatchdog();
        ManualClock clock = new ManualClock(T0);
        WatchdogKeeper keeper = new WatchdogKeeper(dog, clock, Duration.ofSeconds(1), Duration.ofSeconds(5));

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            keeper.alive();
            assertTrue(keeper.tick());
        }
        clock.advance(Duration.ofSeconds(5));
        assertTrue(keeper.tick(), "5 s of silence is still within staleAfter");
        clock.advance(Duration.ofMillis(1));
        assertFalse(keeper.tick(), "pipeline hung: stop petting so the hardware resets the unit");
        clock.advance(Duration.ofSeconds(10));
        assertFalse(keeper.tick());
        assertEquals(11, dog.pets);

        keeper.alive();
        assertTrue(keeper.tick(), "alive again: petting resumes");
        assertEquals(12, dog.pets);
    }

    @Test
    void pipelineThatNeverStartsIsNotKeptAlive() {
        FakeWatchdog dog = new FakeWatchdog();
        ManualClock clock = new ManualClock(T0);
        WatchdogKeeper keeper = new WatchdogKeeper(dog, clock, Duration.ofSeconds(1), Duration.ofSeconds(5));

        clock.advance(Duration.ofSeconds(6));

        assertFalse(keeper.tick());
        assertEquals(0, dog.pets);
    }

    @Test
    void failedPetIsReportedAndRetriedNextTick() {
        FakeWatchdog dog = new FakeWatchdog();
        WatchdogKeeper keeper = new WatchdogKeeper(dog, new ManualClock(T0), Duration.ofSeconds(1), Duration.ofSeconds(5));
        dog.failing = true;
        assertFalse(keeper.tick());
        dog.failing = false;
        assertTrue(keeper.tick());
        keeper.close();
        assertTrue(dog.closed);
    }

    @Test
    void keeperThreadPetsTheDeviceFileAndMagicCloseDisarmsIt() throws Exception {
        Path device = Files.createFile(temp.resolve("watchdog"));
        WatchdogKeeper keeper = new WatchdogKeeper(new FileWatchdog(device), Clock.systemUTC(), Duration.ofMillis(10),
                Duration.ofSeconds(5));
        keeper.start();
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (Files.size(device) < 3 && System.nanoTime() < deadline) {
            keeper.alive();
            Thread.sleep(5);
        }
        keeper.close();

        byte[] written = Files.readAllBytes(device);
        assertTrue(written.length >= 4, "pets written: " + written.length);
        assertArrayEquals(new byte[] {0, 'V'}, new byte[] {written[written.length - 2], written[written.length - 1]},
                "pets are zero bytes, the last write is the magic close");
    }

    @Test
    void missingDeviceIsANamedError() {
        Path missing = temp.resolve("no-such-dir/watchdog");
        IOException e = assertThrows(IOException.class, () -> new FileWatchdog(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
