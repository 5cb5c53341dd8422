package tw.enforce.runtime.cli;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.enforce.camera.FrameSource;
import tw.enforce.camera.ReconnectingFrameSource;
import tw.enforce.camera.opencv.CaptureTarget;
import tw.enforce.camera.opencv.OpenCvFrameSource;
import tw.enforce.gpio.pi4j.Pi4jGpioBoard;
import tw.enforce.runtime.app.PerceptionAssembly;
import tw.enforce.runtime.app.UnitAssembly;
import tw.enforce.runtime.app.UnitRuntime;
import tw.enforce.runtime.config.ConfigException;
import tw.enforce.runtime.config.PerceptionConfig;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.diag.DiagnosticsServer;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.plate.PlateReaderException;
import tw.enforce.runtime.evidence.SystemClockStatus;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * The enforcement runtime service (systemd unit enforce-runtime): camera → detect → track → rules →
 * signed evidence in the unit database and outbox. The sync agent is a separate service.
 * Refuses to start, exit code 2, with the file and line at fault, on bad config.
 */
@Command(name = "enforce-runtime", mixinStandardHelpOptions = true, version = "enforce-runtime " + Edgectl.VERSION,
        description = "Run the enforcement pipeline of one unit.")
public final class RuntimeMain implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RuntimeMain.class);

    @Option(names = "--config", required = true, description = "Site configuration (site.yaml).")
    Path config;

    @Option(names = "--state", defaultValue = "/var/lib/enforce", description = "State folder: unit.db, evidence/, keys/, edge.sock (default ${DEFAULT-VALUE}).")
    Path state;

    @Option(names = "--camera", description = "Capture source overriding camera.source in the site file.")
    String camera;

    @Option(names = "--plate-localiser", description = "LPD-YuNet plate localiser ONNX file, overriding perception.plates.localiser in the site file.")
    Path plateLocaliser;

    @Option(names = "--model", description = "Detector ONNX model file (of perception.detector.family, YOLOX by default), overriding perception.detector.model; with neither, the model-free motion detector runs.")
    Path model;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RuntimeMain())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // missing camera or model, unreadable key: one line naming it, not a stack trace
                    cmd.getErr().println("enforce-runtime: refusing to start: " + e.getMessage());
                    log.debug("start-up failure", e);
                    return 2;
                })
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SiteConfigLoader.LoadedSite site;
        try {
            site = SiteConfigLoader.load(config);
        } catch (ConfigException e) {
            System.err.println("enforce-runtime: refusing to start: " + e.getMessage());
            return 2;
        }
        Path keyFile = state.resolve("keys/unit.key");
        if (!Files.isReadable(keyFile)) {
            System.err.println("enforce-runtime: no unit key at " + keyFile + " (run: edgectl keys init --dir " + keyFile.getParent() + ")");
            return 2;
        }
        String source = camera != null ? camera : site.config().camera().source();
        if (source == null) {
            System.err.println("enforce-runtime: " + config + ": camera.source is not set and no --camera given");
            return 2;
        }
        PrivateKey key = Ed25519Keys.readPrivateKey(keyFile);
        Clock clock = Clock.systemUTC();
        Context pi4j = Pi4J.newAutoContext(); // the GPIO providers installed on the unit (gpiod on current Pi OS)
        String cameraId = site.config().camera().id();
        CaptureTarget target = CaptureTarget.parse(source);
        // a file is a replay and ends; a live camera that drops out is retried forever with backoff
        FrameSource frames = target instanceof CaptureTarget.VideoFile
                ? OpenCvFrameSource.open(cameraId, target, clock)
                : new ReconnectingFrameSource(cameraId, () -> OpenCvFrameSource.open(cameraId, target, clock), clock,
                        Duration.ofSeconds(1), Duration.ofMinutes(1));
        PerceptionConfig perception = site.config().perception();
        Detector detector = PerceptionAssembly.openDetector(perception, config, model);
        PlateReader plates;
        try {
            plates = PerceptionAssembly.openPlateReader(perception, config, plateLocaliser);
        } catch (PlateReaderException e) {
            detector.close();
            frames.close();
            throw e;
        }
        log.info("detector {}; plates {}", detector.description(), plates == null ? "not read" : perception.plates().recogniser());
        UnitRuntime unit;
        try {
            unit = UnitAssembly.assemble(site, state, key, frames, new Pi4jGpioBoard(pi4j, clock), detector, clock,
                    SystemClockStatus.onThisMachine(), plates,
                    p -> { });
        } catch (RuntimeException e) {
            // typically GPIO: no provider on this machine, or a pin the board does not have
            System.err.println("enforce-runtime: refusing to start: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            frames.close();
            detector.close();
            pi4j.shutdown();
            return 2;
        }
        DiagnosticsServer diag = new DiagnosticsServer(state.resolve("edge.sock"), unit::status, CanonicalJson.mapper());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            unit.close();
            diag.close();
            pi4j.shutdown();
        }, "shutdown"));
        unit.start();
        unit.awaitEnd();
        return 0;
    }
}
