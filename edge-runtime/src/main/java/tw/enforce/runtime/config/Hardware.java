package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The unit's hardware besides the camera and the signal inputs (optional {@code hardware:} section
 * of site.yaml): camera health supervision (on unless disabled), and, each only when its section is
 * present, the hardware watchdog, the cabinet door switch, the status LED, the flash/IR output and
 * the speed radar's serial line. Pins are the GPIO numbers of the board (BCM on a Raspberry Pi);
 * they must differ from each other (a clash with a signal pin is refused by the board at start-up).
 */
public record Hardware(CameraHealth cameraHealth, Watchdog watchdog, CabinetTamper cabinetTamper, StatusLed statusLed,
                       Flash flash, Radar radar) {

    public static final Hardware DEFAULTS = new Hardware(null, null, null, null, null, null);

    public Hardware {
        cameraHealth = cameraHealth == null ? CameraHealth.DEFAULTS : cameraHealth;
        Map<Integer, String> pins = new HashMap<>();
        if (cabinetTamper != null) {
            claim(pins, cabinetTamper.pin(), "hardware.cabinetTamper.pin");
        }
        if (statusLed != null) {
            claim(pins, statusLed.pin(), "hardware.statusLed.pin");
        }
        if (flash != null) {
            claim(pins, flash.pin(), "hardware.flash.pin");
        }
    }

    /**
     * Camera picture supervision: a fault (frozen, dark, over-exposed, blurred, obstructed, moved, no
     * signal) suspends the camera's rules until it clears. {@code reference} is the commissioning view
     * of the site (an image file, relative to the site file's folder); without it a moved or covered
     * camera is not detected. {@code analyseEvery} analyses one frame in N (default 4: 3–7 looks a second
     * at 12.5–30 fps, plenty for faults raised after seconds, at a quarter of the cost of every frame).
     */
    public record CameraHealth(Boolean enabled, Integer raiseAfterMs, Integer clearAfterMs, Integer noSignalAfterMs,
                               Integer analyseEvery, String reference) {
        public static final CameraHealth DEFAULTS = new CameraHealth(null, null, null, null, null, null);

        public CameraHealth {
            enabled = enabled == null ? Boolean.TRUE : enabled;
            raiseAfterMs = range("hardware.cameraHealth.raiseAfterMs", raiseAfterMs, 2000, 0, 600_000);
            clearAfterMs = range("hardware.cameraHealth.clearAfterMs", clearAfterMs, 5000, 0, 600_000);
            noSignalAfterMs = range("hardware.cameraHealth.noSignalAfterMs", noSignalAfterMs, 2000, 100, 600_000);
            analyseEvery = range("hardware.cameraHealth.analyseEvery", analyseEvery, 4, 1, 100);
        }
    }

    /** {@code /dev/watchdog} petted every {@code petEveryMs} while the pipeline finished a frame within {@code staleAfterMs}. */
    public record Watchdog(@JsonProperty(required = true) String device, Integer petEveryMs, Integer staleAfterMs) {
        public Watchdog {
            if (device == null || device.isBlank()) {
                throw new IllegalArgumentException("hardware.watchdog.device must name the watchdog device, e.g. /dev/watchdog");
            }
            petEveryMs = range("hardware.watchdog.petEveryMs", petEveryMs, 1000, 10, 60_000);
            staleAfterMs = range("hardware.watchdog.staleAfterMs", staleAfterMs, 10_000, petEveryMs, 600_000);
        }

        public Duration petEvery() {
            return Duration.ofMillis(petEveryMs);
        }

        public Duration staleAfter() {
            return Duration.ofMillis(staleAfterMs);
        }
    }

    /** The cabinet door switch input; {@code openWhenHigh} follows the switch wiring (default true). */
    public record CabinetTamper(@JsonProperty(required = true) int pin, Boolean openWhenHigh, Integer debounceMs) {
        public CabinetTamper {
            requirePin("hardware.cabinetTamper.pin", pin);
            openWhenHigh = openWhenHigh == null ? Boolean.TRUE : openWhenHigh;
            debounceMs = range("hardware.cabinetTamper.debounceMs", debounceMs, 50, 0, 1000);
        }
    }

    public record StatusLed(@JsonProperty(required = true) int pin) {
        public StatusLed {
            requirePin("hardware.statusLed.pin", pin);
        }
    }

    /** The flash / IR illuminator trigger output, pulsed for {@code pulseMs} per evidence capture. */
    public record Flash(@JsonProperty(required = true) int pin, Integer pulseMs) {
        public Flash {
            requirePin("hardware.flash.pin", pin);
            pulseMs = range("hardware.flash.pulseMs", pulseMs, 20, 1, 1000);
        }

        public Duration pulse() {
            return Duration.ofMillis(pulseMs);
        }
    }

    /**
     * The speed radar's serial device (set to raw mode beforehand, e.g. {@code stty -F /dev/ttyUSB0 9600 raw -echo}),
     * speaking {@code tw.enforce.radar.RadarLineProtocol}; readings kept {@code retentionSeconds}.
     */
    public record Radar(@JsonProperty(required = true) String device, Integer retentionSeconds) {
        public Radar {
            if (device == null || device.isBlank()) {
                throw new IllegalArgumentException("hardware.radar.device must name the radar's serial device, e.g. /dev/ttyUSB0");
            }
            retentionSeconds = range("hardware.radar.retentionSeconds", retentionSeconds, 60, 1, 3600);
        }
    }

    private static void claim(Map<Integer, String> pins, int pin, String what) {
        String other = pins.putIfAbsent(pin, what);
        if (other != null) {
            throw new IllegalArgumentException(what + " " + pin + " is already used by " + other);
        }
    }

    private static void requirePin(String what, int pin) {
        if (pin < 0) {
            throw new IllegalArgumentException(what + " must be a non-negative GPIO number, got " + pin);
        }
    }

    private static int range(String what, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + v);
        }
        return v;
    }
}
