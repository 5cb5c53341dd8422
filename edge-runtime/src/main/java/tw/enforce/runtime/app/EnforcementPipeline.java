package tw.enforce.runtime.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.SiteConfigLoader.LoadedSite;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.DetectorException;
import tw.enforce.runtime.evidence.EvidenceSigner;
import tw.enforce.runtime.evidence.RedLightEvidence;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.WorldPoint;
import tw.enforce.runtime.rule.RedLightDecision;
import tw.enforce.runtime.rule.RedLightInput;
import tw.enforce.runtime.rule.RedLightRule;
import tw.enforce.runtime.rule.RedLightSettings;
import tw.enforce.runtime.rule.TrajectorySample;
import tw.enforce.runtime.signal.SignalFault;
import tw.enforce.runtime.signal.SignalHistory;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.store.StoreException;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.TrackPoint;
import tw.enforce.runtime.track.Tracker;

/**
 * One frame, left to right, once: ring buffer, detect, track, decide, package, store. A vehicle
 * track is decided once, as soon as it is seen past the exit line (its evidence frames are then
 * still in the ring), or when it ends. Runs on the single pipeline thread.
 */
public final class EnforcementPipeline {
    private static final Logger log = LoggerFactory.getLogger(EnforcementPipeline.class);
    private static final Duration SIGNAL_LOOKBACK = Duration.ofMinutes(10);
    private static final int RED_LIGHT_PRIORITY = 5;

    private final Detector detector;
    private final Tracker tracker;
    private final FrameRing ring;
    private final SignalHistory signals;
    private final LoadedSite site;
    private final RedLightSettings settings;
    private final RedLightEvidence evidence;
    private final EvidenceSigner signer;
    private final SqliteEvidenceStore store;
    private final PipelineStats stats;
    private final Consumer<SignedPackage> onEvidence;
    private final Set<Long> decided = new HashSet<>();
    private final EnforcementGate gate;

    public EnforcementPipeline(Detector detector, Tracker tracker, FrameRing ring, SignalHistory signals, LoadedSite site,
                               RedLightEvidence evidence, EvidenceSigner signer, SqliteEvidenceStore store,
                               PipelineStats stats, Consumer<SignedPackage> onEvidence, EnforcementGate gate) {
        this.detector = detector;
        this.tracker = tracker;
        this.ring = ring;
        this.signals = signals;
        this.site = site;
        SiteConfig.Approach a = site.config().approach();
        this.settings = new RedLightSettings(a.stopLineY(), a.exitLineY(), site.config().rules().redLight().graceSeconds());
        this.evidence = evidence;
        this.signer = signer;
        this.store = store;
        this.stats = stats;
        this.onEvidence = onEvidence;
        this.gate = gate;
    }

    public void process(Frame frame) {
        stats.frames.incrementAndGet();
        ring.add(frame);
        List<Detection> detections;
        try {
            detections = detector.detect(frame);
        } catch (DetectorException e) {
            stats.detectorErrors.incrementAndGet();
            log.warn("frame {} skipped: {}", frame, e.getMessage());
            detections = List.of();
        }
        stats.detections.addAndGet(detections.size());
        for (Track t : tracker.update(frame.sequence(), frame.capturedAt(), detections)) {
            if (t.objectClass().isVehicle() && !decided.contains(t.id()) && pastExit(t)) {
                decide(t, frame.capturedAt());
            }
        }
        for (Track t : tracker.drainFinished()) {
            if (t.objectClass().isVehicle() && !decided.contains(t.id())) {
                decide(t, frame.capturedAt());
            }
            decided.remove(t.id());
        }
        signals.prune(frame.capturedAt().minus(SIGNAL_LOOKBACK.multipliedBy(2)));
    }

    /** The stream is over: every track still open is decided on what was seen of it. */
    public void endOfStream(Instant now) {
        tracker.finishAll();
        for (Track t : tracker.drainFinished()) {
            if (t.objectClass().isVehicle() && !decided.contains(t.id())) {
                decide(t, now);
            }
        }
        decided.clear();
    }

    private boolean pastExit(Track t) {
        TrackPoint last = t.points().get(t.points().size() - 1);
        return last.ground() != null && !truncated(last.box()) && last.ground().y() >= settings.exitLineY();
    }

    private void decide(Track t, Instant now) {
        decided.add(t.id());
        stats.tracksDecided.incrementAndGet();
        List<TrajectorySample> samples = new ArrayList<>();
        Map<Long, BoundingBox> boxes = new HashMap<>();
        for (TrackPoint p : t.points()) {
            WorldPoint g = p.ground() != null ? p.ground()
                    : site.imageToWorld().toWorld(new ImagePoint(p.box().groundX(), p.box().groundY()));
            samples.add(new TrajectorySample(p.frameSequence(), p.at(), p.box().groundX(), p.box().groundY(),
                    g.x(), g.y(), truncated(p.box())));
            boxes.put(p.frameSequence(), p.box());
        }
        RedLightInput input = new RedLightInput(t.id(), samples,
                signals.between(samples.get(0).at().minus(SIGNAL_LOOKBACK), now), settings);
        RedLightDecision decision = RedLightRule.decide(input);
        if (!(decision instanceof RedLightDecision.Violation v)) {
            log.debug("track {}: {}", t.id(), ((RedLightDecision.NoViolation) decision).reason());
            return;
        }
        Optional<SignalFault> fault = signals.faultBetween(samples.get(0).at(), now);
        if (fault.isPresent()) {
            log.warn("track {}: red-light case not enforced, signal fault {} from {}: {}", t.id(),
                    fault.get().kind(), fault.get().from(), fault.get().detail());
            return;
        }
        Optional<String> suspended = gate.suspendedBetween(samples.get(0).at(), now);
        if (suspended.isPresent()) {
            log.warn("track {}: red-light case not enforced, {}", t.id(), suspended.get());
            return;
        }
        stats.violations.incrementAndGet();
        log.info("track {} ran the red light {} s into red at {}", t.id(),
                String.format("%.3f", v.timeIntoRedSeconds()), v.stopLineCrossing());
        Optional<RedLightEvidence.Draft> draft = evidence.assemble(t.id(), t.objectClass(), boxes, input, v, ring);
        if (draft.isEmpty()) {
            stats.casesWithoutFrames.incrementAndGet();
            log.warn("track {}: violation found but its frames have left the ring; no evidence made", t.id());
            return;
        }
        try {
            SignedPackage p = store.store(link -> signer.seal(draft.get(), link), RED_LIGHT_PRIORITY);
            stats.evidenceStored.incrementAndGet();
            onEvidence.accept(p);
        } catch (StoreException e) {
            stats.storeFailures.incrementAndGet();
            log.error("track {}: evidence not stored: {}", t.id(), e.getMessage(), e);
        }
    }

    private boolean truncated(BoundingBox b) {
        SiteConfig.Camera c = site.config().camera();
        // a box cut by the bottom no longer ends where the vehicle meets the road; one cut at a side
        // still does (its bottom edge is intact), it only shifts the lateral position a little
        return b.y2() >= c.height() - 1;
    }
}
