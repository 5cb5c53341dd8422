package tw.enforce.runtime.hardware;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import tw.enforce.camera.Frame;
import tw.enforce.camera.health.CameraHealthMonitor;
import tw.enforce.camera.health.HealthThresholds;
import tw.enforce.camera.opencv.FrameMats;
import tw.enforce.camera.opencv.OpenCvNative;
import tw.enforce.camera.opencv.VideoIoBackends;
import tw.enforce.gpio.CabinetTamper;
import tw.enforce.gpio.GpioBoard;
import tw.enforce.gpio.StatusLed;
import tw.enforce.runtime.config.Hardware;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.watchdog.FileWatchdog;
import tw.enforce.watchdog.WatchdogKeeper;

/**
 * Builds a unit's {@link UnitHardware} from the site's {@code hardware:} section. Everything that can
 * be checked at start-up is: a missing reference image or one of another size than the camera, a
 * watchdog or radar device that cannot be opened, a pin the board does not have or that is taken
 * (signal inputs are claimed first) — each an {@link IllegalArgumentException} naming it.
 */
public final class HardwareAssembly {
    /** How long camera fault intervals are kept: longer than any track plus the signal look-back. */
    static final Duration FAULT_MEMORY = Duration.ofMinutes(30);
    static final Duration RADAR_RETRY = Duration.ofSeconds(5);

    private HardwareAssembly() {
    }

    /**
     * @param siteDir the site file's folder, against which a relative reference image path is resolved
     * @param alarms  where a cabinet opening is recorded
     */
    public static UnitHardware assemble(SiteConfig site, Path siteDir, GpioBoard board, Clock clock,
                                        UnitHardware.AlarmRecorder alarms) {
        Hardware hw = site.hardware();
        CameraGuard camera = hw.cameraHealth().enabled() ? cameraGuard(site, siteDir, clock) : null;
        WatchdogKeeper keeper = null;
        if (hw.watchdog() != null) {
            try {
                keeper = new WatchdogKeeper(new FileWatchdog(Path.of(hw.watchdog().device())), clock,
                        hw.watchdog().petEvery(), hw.watchdog().staleAfter());
            } catch (IOException e) {
                throw new IllegalArgumentException("hardware.watchdog.device: " + e.getMessage(), e);
            }
        }
        StatusLed led = hw.statusLed() == null ? null : new StatusLed(board.output("status-led", hw.statusLed().pin()));
        GpioBoard.DigitalOutput flash = hw.flash() == null ? null : board.output("flash", hw.flash().pin());
        RadarFeed radar = null;
        if (hw.radar() != null) {
            Path device = Path.of(hw.radar().device());
            if (!Files.isReadable(device)) {
                throw new IllegalArgumentException("hardware.radar.device " + device + " does not exist or is not readable"
                        + " (serial adapter plugged in? user in the dialout group?)");
            }
            radar = new RadarFeed("radar", () -> new FileInputStream(device.toFile()), clock,
                    Duration.ofSeconds(hw.radar().retentionSeconds()), RADAR_RETRY);
        }
        UnitHardware unit = new UnitHardware(camera, keeper, led, flash, hw.flash() == null ? null : hw.flash().pulse(),
                radar, videoBackends(), clock);
        if (hw.cabinetTamper() != null) {
            Hardware.CabinetTamper t = hw.cabinetTamper();
            unit.attachCabinet(new CabinetTamper(board, t.pin(), t.openWhenHigh(), Duration.ofMillis(t.debounceMs()),
                    e -> unit.cabinetChanged(e, alarms)));
        }
        return unit;
    }

    static CameraGuard cameraGuard(SiteConfig site, Path siteDir, Clock clock) {
        Hardware.CameraHealth cfg = site.hardware().cameraHealth();
        HealthThresholds d = HealthThresholds.defaults();
        HealthThresholds thresholds = new HealthThresholds(Duration.ofMillis(cfg.noSignalAfterMs()),
                Duration.ofMillis(cfg.raiseAfterMs()), Duration.ofMillis(cfg.clearAfterMs()), d.frozenMaxChange(),
                d.darkLevel(), d.darkFraction(), d.saturatedLevel(), d.saturatedFraction(), d.blurRatio(),
                d.minSharpness(), d.lostTextureRatio(), d.obstructedCells(), d.movedShift());
        CameraHealthMonitor monitor = new CameraHealthMonitor(site.camera().id(), thresholds, clock);
        if (cfg.reference() != null) {
            monitor.setReference(reference(siteDir.resolve(cfg.reference()), site.camera()));
        }
        return new CameraGuard(monitor, cfg.analyseEvery(), FAULT_MEMORY);
    }

    /** Reads the commissioning view; it must have the camera's size, or every frame would read as moved. */
    static Frame reference(Path file, SiteConfig.Camera camera) {
        OpenCvNative.load();
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("hardware.cameraHealth.reference " + file + " does not exist or is not readable");
        }
        Mat m = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        try {
            if (m.empty()) {
                throw new IllegalArgumentException("hardware.cameraHealth.reference " + file + " is not an image OpenCV can read");
            }
            if (m.cols() != camera.width() || m.rows() != camera.height()) {
                throw new IllegalArgumentException("hardware.cameraHealth.reference " + file + " is " + m.cols() + "x"
                        + m.rows() + ", the camera " + camera.width() + "x" + camera.height());
            }
            return FrameMats.toFrame(m, camera.id(), 0, Instant.EPOCH);
        } finally {
            m.release();
        }
    }

    /** One line on what the loaded OpenCV build can open, for the status. */
    static String videoBackends() {
        try {
            VideoIoBackends b = VideoIoBackends.ofLoadedLibrary();
            return "OpenCV " + org.opencv.core.Core.getVersionString() + " ("
                    + System.getProperty(OpenCvNative.MODE_PROPERTY, "bundled") + "): ffmpeg=" + yes(b.ffmpeg())
                    + " gstreamer=" + yes(b.gstreamer()) + " v4l2=" + yes(b.v4l2())
                    + (b.decodesStreams() ? "" : "; MJPEG .avi and V4L2 only, no mp4 or RTSP (install libopencv-java)");
        } catch (RuntimeException | LinkageError e) {
            return "OpenCV not loadable: " + e.getMessage();
        }
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
