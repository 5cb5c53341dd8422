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
import tw.enforce.runtime.config.SiteConfigLoader.LoadedSite;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.Detector;
import tw.enforce.runtime.detect.DetectorException;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.evidence.EvidenceSigner;
import tw.enforce.runtime.evidence.SignedPackage;
import tw.enforce.runtime.evidence.ViolationEvidence;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.frame.KeyframePins;
import tw.enforce.runtime.rule.PedestrianTrack;
import tw.enforce.runtime.rule.RadarReadings;
import tw.enforce.runtime.rule.RedLightViolationRule;
import tw.enforce.runtime.rule.RuleOutcome;
import tw.enforce.runtime.rule.RuleRegistry;
import tw.enforce.runtime.rule.SceneContext;
import tw.enforce.runtime.rule.SpeedRule;
import tw.enforce.runtime.rule.TrackView;
import tw.enforce.runtime.rule.ViolationRule;
import tw.enforce.runtime.signal.SignalFault;
import tw.enforce.runtime.signal.SignalHistory;
import tw.enforce.runtime.store.SqliteEvidenceStore;
import tw.enforce.runtime.store.StoreException;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.Tracker;

/**
 * One frame, left to right, once: ring buffer, detect, track, decide, package, store. Every enabled
 * rule is evaluated on each vehicle track about every {@link #EVALUATE_EVERY} while it is followed
 * (so evidence frames are still in the ring when the offence completes) and once more when it
 * ends; a track gets at most one case per rule. The scene a rule sees holds the lamp history, the
 * pedestrians tracked over the same time and the radar readings. Frames of vehicles standing longer
 * than the ring holds are pinned ({@link StandingPins}) until their track ends. Runs on the single
 * pipeline thread.
 */
public final class EnforcementPipeline {
    private static final Logger log = LoggerFactory.getLogger(EnforcementPipeline.class);
    static final Duration EVALUATE_EVERY = Duration.ofMillis(500);
    private static final Duration SIGNAL_LOOKBACK = Duration.ofMinutes(10);
    /** Pedestrians that left the view this recently still belong to a vehicle's scene. */
    private static final Duration PEDESTRIAN_MEMORY = Duration.ofSeconds(30);
    private static final Duration RADAR_MARGIN = Duration.ofSeconds(1);
    private static final int VIOLATION_PRIORITY = 5;

    private final Detector detector;
    private final Tracker tracker;
    private final FrameRing ring;
    private final SignalHistory signals;
    private final RuleRegistry rules;
    private final ViolationEvidence evidence;
    private final EvidenceSigner signer;
    private final SqliteEvidenceStore store;
    private final PipelineStats stats;
    private final Consumer<SignedPackage> onEvidence;
    private final EnforcementGate gate;
    private final TrackViews views;
    private final KeyframePins pins = KeyframePins.defaults();
    private final StandingPins standing;
    private final Map<Long, Set<String>> decided = new HashMap<>();
    private final Map<Long, Instant> lastEvaluated = new HashMap<>();
    private final Map<Long, Track> pedestrians = new HashMap<>();
    private RadarReadings radar = RadarReadings.NONE;

    public EnforcementPipeline(Detector detector, Tracker tracker, FrameRing ring, SignalHistory signals, LoadedSite site,
                               RuleRegistry rules, ViolationEvidence evidence, EvidenceSigner signer,
                               SqliteEvidenceStore store, PipelineStats stats, Consumer<SignedPackage> onEvidence,
                               EnforcementGate gate) {
        this.detector = detector;
        this.tracker = tracker;
        this.ring = ring;
        this.signals = signals;
        this.rules = rules;
        this.evidence = evidence;
        this.signer = signer;
        this.store = store;
        this.stats = stats;
        this.onEvidence = onEvidence;
        this.gate = gate;
        this.views = new TrackViews(site);
        this.standing = new StandingPins(views, ring, pins);
        log.info("unit {}: rules enabled {}", site.config().unit().id(), rules.names());
    }

    /** Wires a radar; call before the first frame. */
    public void useRadar(RadarReadings readings) {
        this.radar = readings;
    }

    /** Frames kept beyond the ring for standing vehicles. */
    public KeyframePins pinnedFrames() {
        return pins;
    }

    public List<String> ruleNames() {
        return rules.names();
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
        evidence.frameDetected(frame.sequence(), detections);
        Instant now = frame.capturedAt();
        List<Track> live = tracker.update(frame.sequence(), now, detections);
        for (Track t : live) {
            if (t.objectClass() == ObjectClass.PERSON) {
                pedestrians.put(t.id(), t);
            }
        }
        for (Track t : live) {
            if (t.objectClass().isVehicle()) {
                standing.observe(t);
            }
            Instant last = lastEvaluated.get(t.id());
            if (t.objectClass().isVehicle() && (last == null || !now.isBefore(last.plus(EVALUATE_EVERY)))) {
                lastEvaluated.put(t.id(), now);
                evaluate(t, now);
            }
        }
        finish(tracker.drainFinished(), now);
        pedestrians.values().removeIf(p -> p.last().at().isBefore(now.minus(PEDESTRIAN_MEMORY)));
        signals.prune(now.minus(SIGNAL_LOOKBACK.multipliedBy(2)));
    }

    /** The stream is over: every track still open is decided on what was seen of it. */
    public void endOfStream(Instant now) {
        tracker.finishAll();
        finish(tracker.drainFinished(), now);
        decided.clear();
        lastEvaluated.clear();
    }

    private void finish(List<Track> finished, Instant now) {
        for (Track t : finished) {
            if (t.objectClass().isVehicle()) {
                evaluate(t, now);
                stats.tracksDecided.incrementAndGet();
            } else {
                pedestrians.put(t.id(), t);
            }
            decided.remove(t.id());
            lastEvaluated.remove(t.id());
            standing.release(t.id());
        }
    }

    private void evaluate(Track t, Instant now) {
        TrackView view = views.view(t);
        Instant first = view.trajectory().get(0).at();
        List<PedestrianTrack> peds = new ArrayList<>();
        for (Track p : pedestrians.values()) {
            if (!p.last().at().isBefore(first)) {
                peds.add(new PedestrianTrack(p.id(), views.samples(p)));
            }
        }
        SceneContext scene = new SceneContext(signals.between(first.minus(SIGNAL_LOOKBACK), now), peds,
                radar.between(first.minus(RADAR_MARGIN), now));
        Set<String> done = decided.computeIfAbsent(t.id(), id -> new HashSet<>());
        for (ViolationRule<?> rule : rules.rules()) {
            if (!done.contains(rule.name()) && apply(rule, t, view, scene, now)) {
                done.add(rule.name());
            }
        }
    }

    /** True when the track is settled for this rule (a case made or refused for good). */
    private <I> boolean apply(ViolationRule<I> rule, Track t, TrackView view, SceneContext scene, Instant now) {
        Optional<I> input = rule.inputFor(view, scene);
        if (input.isEmpty()) {
            return false;
        }
        RuleOutcome outcome = rule.decide(input.get());
        if (outcome instanceof RuleOutcome.NoViolation n) {
            if (n.reason().startsWith(SpeedRule.VOID)) {
                stats.voidCases.incrementAndGet();
                log.warn("track {}: {} case void: {}", t.id(), rule.name(), n.reason());
                return true;
            }
            log.debug("track {} {}: {}", t.id(), rule.name(), n.reason());
            return false;
        }
        RuleOutcome.Violation v = (RuleOutcome.Violation) outcome;
        if (RedLightViolationRule.NAME.equals(rule.name())) {
            Optional<SignalFault> fault = signals.faultBetween(view.trajectory().get(0).at(), now);
            if (fault.isPresent()) {
                log.warn("track {}: red-light case not enforced, signal fault {} from {}: {}", t.id(),
                        fault.get().kind(), fault.get().from(), fault.get().detail());
                return true;
            }
        }
        Optional<String> suspended = gate.suspendedBetween(view.trajectory().get(0).at(), now);
        if (suspended.isPresent()) {
            log.warn("track {}: {} case not enforced, {}", t.id(), v.rule(), suspended.get());
            return true;
        }
        stats.violations.incrementAndGet();
        log.info("track {}: {} at {} in lane {}{}", t.id(), v.rule(), v.eventTime(), v.lane(),
                Double.isNaN(v.speedKmh()) ? "" : String.format(", %.1f km/h", v.speedKmh()));
        Optional<ViolationEvidence.Draft> draft = evidence.assemble(t.id(), view.vehicleClass(), TrackViews.boxes(t),
                input.get(), v, ring, pins);
        if (draft.isEmpty()) {
            stats.casesWithoutFrames.incrementAndGet();
            log.warn("track {}: {} found but its frames have left the ring; no evidence made", t.id(), v.rule());
            return true;
        }
        try {
            SignedPackage p = store.store(link -> signer.seal(draft.get(), link), VIOLATION_PRIORITY);
            stats.evidenceStored.incrementAndGet();
            onEvidence.accept(p);
        } catch (StoreException e) {
            stats.storeFailures.incrementAndGet();
            log.error("track {}: {} evidence not stored: {}", t.id(), v.rule(), e.getMessage(), e);
        }
        return true;
    }
}
