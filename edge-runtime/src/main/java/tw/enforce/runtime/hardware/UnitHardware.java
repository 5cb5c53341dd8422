package tw.enforce.runtime.hardware;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.camera.Frame;
import tw.enforce.camera.health.CameraHealth;
import tw.enforce.camera.health.HealthFault;
import tw.enforce.gpio.CabinetTamper;
import tw.enforce.gpio.GpioBoard;
import tw.enforce.gpio.StatusLed;
import tw.enforce.runtime.app.EnforcementGate;
import tw.enforce.runtime.rule.RadarReadings;
import tw.enforce.watchdog.WatchdogKeeper;

/**
 * The unit's supervision hardware around the pipeline, each part optional: the camera guard (its
 * faults suspend enforcement), the watchdog keeper (petted only while the pipeline finishes frames),
 * the cabinet door switch (an opening is an alarm: logged, recorded, shown), the status LED, the
 * flash/IR output (one pulse per evidence capture) and the radar feed. The pipeline thread calls
 * {@link #frameArrived} and {@link #frameDone}; {@link #start()} starts the {@code hardware} thread,
 * which checks for a lost camera signal and drives the LED every 100 ms (a service; replays and the
 * simulator run without it). Built by {@link HardwareAssembly}.
 */
public final class UnitHardware implements AutoCloseable {

    /** Where alarms are recorded besides the log (the unit database). */
    @FunctionalInterface
    public interface AlarmRecorder {
        void record(String code, String detail);
    }

    public static final String CABINET_OPEN = "CABINET_OPEN";
    static final Duration TICK = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(UnitHardware.class);

    private final CameraGuard camera;
    private final WatchdogKeeper watchdog;
    private final StatusLed led;
    private final GpioBoard.DigitalOutput flash;
    private final Duration flashPulse;
    private final RadarFeed radar;
    private final String videoBackends;
    private final Clock clock;
    private final AtomicLong flashes = new AtomicLong();
    private final AtomicLong openings = new AtomicLong();
    private final AtomicLong suspended = new AtomicLong();
    private volatile CabinetTamper cabinet;
    private volatile Supplier<Boolean> signalFaulty = () -> false;
    private ScheduledExecutorService thread;

    UnitHardware(CameraGuard camera, WatchdogKeeper watchdog, StatusLed led, GpioBoard.DigitalOutput flash,
                 Duration flashPulse, RadarFeed radar, String videoBackends, Clock clock) {
        this.camera = camera;
        this.watchdog = watchdog;
        this.led = led;
        this.flash = flash;
        this.flashPulse = flashPulse;
        this.radar = radar;
        this.videoBackends = videoBackends;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void attachCabinet(CabinetTamper tamper) {
        this.cabinet = tamper;
    }

    /** The door switch reported a change: an opening is an alarm. */
    void cabinetChanged(CabinetTamper.Event e, AlarmRecorder alarms) {
        if (e.open()) {
            openings.incrementAndGet();
            log.error("ALARM cabinet door opened at {}", e.at());
            alarms.record(CABINET_OPEN, "cabinet door opened at " + e.at());
        } else {
            log.warn("cabinet door closed at {}", e.at());
        }
    }

    /** Lets the LED show a signal-input fault (enforcement suspended) as degraded. */
    public void watchSignalFaults(Supplier<Boolean> faulty) {
        this.signalFaulty = Objects.requireNonNull(faulty, "faulty");
    }

    /** The gate the pipeline asks before enforcing a case: camera faults suspend; counted. */
    public EnforcementGate gate() {
        if (camera == null) {
            return EnforcementGate.OPEN;
        }
        return (from, to) -> {
            var why = camera.suspendedBetween(from, to);
            if (why.isPresent()) {
                suspended.incrementAndGet();
            }
            return why;
        };
    }

    /** The radar readings for SceneContext.radar; none without a radar. */
    public RadarReadings radarReadings() {
        return radar == null ? RadarReadings.NONE : radar::between;
    }

    /** Pipeline thread, before processing a frame: the camera guard looks at it. */
    public void frameArrived(Frame frame) {
        if (camera != null) {
            camera.observe(frame);
        }
    }

    /** Pipeline thread, after a frame went through: the pipeline is alive. */
    public void frameDone() {
        if (watchdog != null) {
            watchdog.alive();
        }
    }

    /** An evidence package was captured: fire the flash/IR output once. */
    public void evidenceCaptured() {
        if (flash != null) {
            flash.pulse(flashPulse);
            flashes.incrementAndGet();
        }
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        if (watchdog != null) {
            watchdog.start();
        }
        if (radar != null) {
            radar.start();
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hardware");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One step of the hardware thread: lost-signal check, LED. */
    void tick() {
        try {
            if (camera != null) {
                camera.check();
            }
            if (led != null) {
                led.show(indication());
                led.tick(clock.instant());
            }
        } catch (RuntimeException e) {
            log.error("hardware tick failed: {}", e.toString());
        }
    }

    StatusLed.Indication indication() {
        Instant now = clock.instant();
        CameraHealth health = camera == null ? null : camera.current();
        if ((health != null && health.has(HealthFault.NO_SIGNAL)) || (watchdog != null && watchdog.stalled(now))) {
            return StatusLed.Indication.FAULT;
        }
        CabinetTamper door = cabinet;
        if ((health != null && !health.healthy()) || (door != null && door.isOpen()) || signalFaulty.get()) {
            return StatusLed.Indication.DEGRADED;
        }
        return StatusLed.Indication.OK;
    }

    public CameraGuard camera() {
        return camera;
    }

    public HardwareStatus status() {
        Instant now = clock.instant();
        Map<String, Instant> faults = new TreeMap<>();
        Map<String, Long> raised = new TreeMap<>();
        boolean healthy = true;
        String analysis = "off";
        if (camera != null) {
            CameraHealth h = camera.current();
            healthy = h.healthy();
            h.faults().forEach((f, since) -> faults.put(f.name(), since));
            camera.raisedCounts().forEach((f, n) -> raised.put(f.name(), n));
            analysis = String.format(java.util.Locale.ROOT, "%d frames, %.2f ms each", camera.framesAnalysed(),
                    camera.meanAnalysisMillis());
        }
        String dog = watchdog == null ? "off"
                : watchdog.stalled(now) ? "stalled: pipeline silent since " + watchdog.lastAlive()
                : "petting (last " + watchdog.lastPet() + ")";
        CabinetTamper door = cabinet;
        String cab = door == null ? null : door.isOpen() ? "open" + (door.openedAt() != null ? " since " + door.openedAt() : "")
                : "closed";
        return new HardwareStatus(healthy, faults, raised, suspended.get(), analysis, dog, cab, openings.get(),
                led == null ? null : led.indication().name(), flash == null ? null : flashes.get(),
                radar == null ? null : radar.status(), videoBackends);
    }

    /** Stops the hardware thread, the LED goes off, the radar stops and the watchdog is disarmed (a clean stop). */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (led != null) {
            led.show(StatusLed.Indication.OFF);
            led.tick(clock.instant());
        }
        if (radar != null) {
            radar.close();
        }
        if (watchdog != null) {
            watchdog.close();
        }
        if (camera != null) {
            camera.close();
        }
    }
}
