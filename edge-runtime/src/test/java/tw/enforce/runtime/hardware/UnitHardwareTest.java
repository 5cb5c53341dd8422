package tw.enforce.runtime.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.camera.Frame;
import tw.enforce.gpio.StatusLed;
import tw.enforce.gpio.pi4j.MockGpio;
import tw.enforce.runtime.config.HardwareSectionTest;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.store.StoreAlarm;
import tw.enforce.runtime.store.StoreSettings;
import tw.enforce.sync.protocol.Ed25519Keys;

/** The supervision hardware on Pi4J's mock board, a real SQLite unit database and a file standing in for /dev/watchdog. */
class UnitHardwareTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    static final int DOOR = 5;
    static final int LED = 6;
    static final int FLASH = 13;

    @TempDir
    Path dir;

    @Test
    void openingTheCabinetIsAnAlarmRecordedInTheUnitDatabaseAndShownInStatus() throws Exception {
        TestClock clock = new TestClock(T0);
        try (MockGpio gpio = MockGpio.start(clock);
             SqliteEvidenceStore store = new SqliteEvidenceStore(dir.resolve("unit.db"), dir.resolve("evidence"), "TPE-0001",
                     Ed25519Keys.generate().getPublic(), new StoreSettings(0), clock)) {
            UnitHardware hw = HardwareAssembly.assemble(site("cabinetTamper: {pin: 5}"), dir, gpio.board(), clock,
                    store::recordAlarm);
            assertEquals("closed", hw.status().cabinet());
            clock.now = T0.plusSeconds(30);
            gpio.drive(DOOR, true);

            List<StoreAlarm> alarms = store.alarms();
            assertEquals(1, alarms.size());
            assertEquals(UnitHardware.CABINET_OPEN, alarms.get(0).code());
            assertTrue(alarms.get(0).detail().contains(T0.plusSeconds(30).toString()), alarms.get(0).detail());
            assertEquals("open since " + T0.plusSeconds(30), hw.status().cabinet());
            assertEquals(1, hw.status().cabinetOpenings());
            assertEquals(StatusLed.Indication.DEGRADED, hw.indication(), "an open cabinet degrades the unit");
            clock.now = T0.plusSeconds(90);
            gpio.drive(DOOR, false);
            assertEquals("closed", hw.status().cabinet());
            assertEquals(1, store.alarms().size(), "closing is logged, not an alarm");
            hw.close();
        }
    }

    @Test
    void statusLedBlinksWhileTheCameraIsFaultyAndIsSteadyWhenHealthy() throws Exception {
        TestClock clock = new TestClock(T0);
        try (MockGpio gpio = MockGpio.start(clock)) {
            UnitHardware hw = HardwareAssembly.assemble(site("cameraHealth: {analyseEvery: 1}\n  statusLed: {pin: 6}"), dir,
                    gpio.board(), clock, (c, d) -> { });
            hw.tick();
            assertEquals("OK", hw.status().statusLed());
            assertTrue(gpio.outputLevel(LED), "steady on when all is well");

            byte[] grey = new byte[64 * 48 * 3];
            java.util.Arrays.fill(grey, (byte) 0); // a capped lens
            for (int i = 0; i <= 30; i++) {
                clock.now = T0.plusMillis(100L * i);
                hw.frameArrived(new Frame("cam-1", i, clock.now, 64, 48, grey));
            }
            assertTrue(hw.status().cameraFaults().containsKey("TOO_DARK"), hw.status().toString());
            assertFalse(hw.status().cameraHealthy());
            boolean on = false;
            boolean off = false;
            for (int i = 31; i <= 40; i++) { // frames keep coming: no signal loss, the picture is what is wrong
                clock.now = T0.plusMillis(100L * i);
                hw.frameArrived(new Frame("cam-1", i, clock.now, 64, 48, grey));
                hw.tick();
                on |= gpio.outputLevel(LED);
                off |= !gpio.outputLevel(LED);
            }
            assertEquals("DEGRADED", hw.status().statusLed());
            assertTrue(on && off, "slow blink within one second");
            hw.close();
            assertFalse(gpio.outputLevel(LED), "off once the runtime stops");
        }
    }

    @Test
    void flashPulsesOncePerEvidenceCapture() throws Exception {
        TestClock clock = new TestClock(T0);
        try (MockGpio gpio = MockGpio.start(clock)) {
            UnitHardware hw = HardwareAssembly.assemble(site("flash: {pin: 13, pulseMs: 200}"), dir, gpio.board(), clock,
                    (c, d) -> { });
            assertFalse(gpio.outputLevel(FLASH));
            hw.evidenceCaptured();
            assertTrue(gpio.outputLevel(FLASH), "the illuminator fires at once");
            hw.evidenceCaptured();
            assertEquals(2L, hw.status().flashPulses());
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (gpio.outputLevel(FLASH) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(gpio.outputLevel(FLASH), "and goes low after the pulse");
            hw.close();
        }
    }

    @Test
    void watchdogIsPettedOnlyWhileThePipelineFinishesFrames() throws Exception {
        TestClock clock = new TestClock(T0);
        Path device = Files.createFile(dir.resolve("watchdog"));
        try (MockGpio gpio = MockGpio.start(clock)) {
            UnitHardware hw = HardwareAssembly.assemble(site("watchdog: {device: " + device + ", petEveryMs: 10, staleAfterMs: 2000}"),
                    dir, gpio.board(), clock, (c, d) -> { });
            hw.start();
            hw.frameDone();
            long petted = waitForGrowth(device, 0);
            assertTrue(petted > 0, "petted while frames are finished");
            assertTrue(hw.status().watchdog().startsWith("petting"), hw.status().watchdog());

            clock.now = T0.plusSeconds(5); // the pipeline thread hangs: no frame for 5 s
            Thread.sleep(100);
            long stalledAt = Files.size(device);
            Thread.sleep(200);
            assertEquals(stalledAt, Files.size(device), "no pets once the pipeline is silent");
            assertTrue(hw.status().watchdog().startsWith("stalled"), hw.status().watchdog());
            assertEquals(StatusLed.Indication.FAULT, hw.indication());

            hw.frameDone();
            assertTrue(waitForGrowth(device, stalledAt) > stalledAt, "petted again once frames flow");
            hw.close();
            byte[] written = Files.readAllBytes(device);
            assertEquals('V', written[written.length - 1], "a clean stop disarms it (magic close)");
        }
    }

    @Test
    void missingWatchdogDeviceOrReferenceImageRefusesToStartNamingIt() throws Exception {
        TestClock clock = new TestClock(T0);
        try (MockGpio gpio = MockGpio.start(clock)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HardwareAssembly.assemble(
                    site("watchdog: {device: /nonexistent/watchdog}"), dir, gpio.board(), clock, (c, d) -> { }));
            assertTrue(e.getMessage().contains("/nonexistent/watchdog"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> HardwareAssembly.assemble(
                    site("cameraHealth: {reference: nope.png}"), dir, gpio.board(), clock, (c, d) -> { }));
            assertTrue(e.getMessage().contains("nope.png"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> HardwareAssembly.assemble(
                    site("radar: {device: /nonexistent/ttyUSB9}"), dir, gpio.board(), clock, (c, d) -> { }));
            assertTrue(e.getMessage().contains("/nonexistent/ttyUSB9"), e.getMessage());
        }
    }

    @Test
    void withoutAHardwareSectionOnlyCameraHealthRuns() throws Exception {
        SiteConfig plain = SiteConfigLoader.load(write(HardwareSectionTest.BASE)).config();
        try (MockGpio gpio = MockGpio.start(Clock.systemUTC())) {
            UnitHardware hw = HardwareAssembly.assemble(plain, dir, gpio.board(), Clock.systemUTC(), (c, d) -> { });
            HardwareStatus s = hw.status();
            assertTrue(s.cameraHealthy());
            assertEquals("off", s.watchdog());
            assertNull(s.cabinet());
            assertNull(s.statusLed());
            assertNull(s.flashPulses());
            assertNull(s.radar());
            assertTrue(s.videoBackends().startsWith("OpenCV "), s.videoBackends());
            hw.close();
        }
    }

    private static long waitForGrowth(Path file, long from) throws Exception {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (Files.size(file) <= from && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return Files.size(file);
    }

    private SiteConfig site(String hardware) throws Exception {
        return SiteConfigLoader.load(write(HardwareSectionTest.BASE + "hardware:\n  " + hardware + "\n")).config();
    }

    private Path write(String text) throws Exception {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, text);
        return f;
    }

    static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

}
