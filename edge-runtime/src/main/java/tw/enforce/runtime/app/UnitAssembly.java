package tw.enforce.runtime.app;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import tw.enforce.camera.FrameSource;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.gpio.GpioBoard;
import tw.enforce.runtime.cli.Edgectl;
import tw.enforce.runtime.config.SiteConfigLoader.LoadedSite;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.YoloxDetector;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.evidence.EnforceabilityPolicy;
import tw.enforce.runtime.evidence.EvidenceManifest;
import tw.enforce.runtime.evidence.EvidenceSigner;
import tw.enforce.runtime.evidence.ViolationEvidence;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.evidence.privacy.OverviewMasker;
import tw.enforce.runtime.evidence.UnitKeys;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.hardware.HardwareAssembly;
import tw.enforce.runtime.hardware.UnitHardware;
import tw.enforce.runtime.passage.SectionPassages;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.rule.RuleRegistry;
import tw.enforce.runtime.signal.SignalHistory;
import tw.enforce.runtime.signal.SignalMonitor;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.store.StoreSettings;
import tw.enforce.runtime.store.StoreException;
import tw.enforce.runtime.track.IouTracker;
import tw.enforce.runtime.track.TrackerConfig;
import tw.enforce.sync.outbox.OutboxException;
import tw.enforce.sync.outbox.SqliteOutbox;

/**
 * The one place a unit is put together, read top to bottom as the stages of DESIGN.md: signal
 * inputs, frame ring, tracker, evidence, store, hardware supervision, pipeline. The service main and the simulator both
 * call it, with a real or a simulated camera, GPIO board, detector and clock.
 */
public final class UnitAssembly {
    /** Seconds of JPEG frames kept for evidence: enough for a vehicle to go from stop line to exit line. */
    static final Duration RING_WINDOW = Duration.ofSeconds(8);
    static final int RING_JPEG_QUALITY = 90;

    private UnitAssembly() {
    }

    /**
     * State folder layout: {@code unit.db} (evidence index + outbox), {@code evidence/}.
     * {@code plateReader} may be null (no plate models on the unit): plates are then NOT_READ.
     */
    public static UnitRuntime assemble(LoadedSite site, Path stateDir, PrivateKey unitKey, FrameSource camera,
                                       GpioBoard gpio, Detector detector, Clock clock,
                                       ViolationEvidence.ClockStatus clockStatus, PlateReader plateReader,
                                       Consumer<SignedPackage> onEvidence) throws StoreException, OutboxException {
        SignalHistory signals = new SignalHistory(clock.instant());
        SignalMonitor monitor = new SignalMonitor(gpio, site.config().signal(), signals);
        FrameRing ring = new FrameRing(RING_WINDOW, f -> Jpeg.encode(f, RING_JPEG_QUALITY));
        IouTracker tracker = new IouTracker(TrackerConfig.defaults(), site.imageToWorld());
        EvidenceManifest.Software software = new EvidenceManifest.Software(Edgectl.VERSION, detector.description(),
                detector instanceof YoloxDetector y ? y.modelSha256() : null);
        SiteConfig.Evidence limits = site.config().evidence();
        OverviewMasker masker = OverviewMasker.forConfig(limits.privacy(), null);
        ViolationEvidence evidence = new ViolationEvidence(site, software, clock, clockStatus,
                new EnforceabilityPolicy(Duration.ofMillis(limits.maxClockOffsetMs())), plateReader, masker);
        EvidenceSigner signer = new EvidenceSigner(unitKey);
        Path db = stateDir.resolve("unit.db");
        SqliteEvidenceStore store = new SqliteEvidenceStore(db, stateDir.resolve("evidence"), site.config().unit().id(),
                UnitKeys.publicKeyOf(unitKey), new StoreSettings(limits.quotaMb() * 1024 * 1024), clock);
        SqliteOutbox outboxView = new SqliteOutbox(db, clock);
        UnitHardware hardware = HardwareAssembly.assemble(site.config(), site.file().toAbsolutePath().getParent(), gpio,
                clock, store::recordAlarm);
        hardware.watchSignalFaults(() -> signals.faultBetween(clock.instant().minusSeconds(1), clock.instant()).isPresent());
        PipelineStats stats = new PipelineStats();
        EnforcementPipeline pipeline = new EnforcementPipeline(detector, SectionPassages.around(tracker, site, ring, store,
                software, clockStatus, plateReader, unitKey, clock), ring, signals, site,
                RuleRegistry.forSite(site.config()), evidence, signer,
                store, stats, p -> {
                    hardware.evidenceCaptured();
                    onEvidence.accept(p);
                }, hardware.gate());
        pipeline.useRadar(hardware.radarReadings());
        return new UnitRuntime(site, camera, pipeline, stats, signals, ring, outboxView, detector.description(), clock,
                hardware, plateReader == null ? new AutoCloseable[] {monitor, store, outboxView, detector, masker}
                        : new AutoCloseable[] {monitor, store, outboxView, detector, plateReader, masker});
    }
}
