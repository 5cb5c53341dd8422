package tw.enforce.camera.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.camera.Frame;

/**
 * Watches one camera's frames and raises {@link HealthFault}s. A picture condition (frozen, dark,
 * over-exposed, blurred, obstructed, moved) must hold for {@code raiseAfter} before its fault is
 * raised and be absent for {@code clearAfter} before it clears, so a bus passing close to the lens
 * does not suspend enforcement and a flickering fault does not resume it. The fault carries the time
 * its condition began. {@link HealthFault#NO_SIGNAL} is raised by {@link #check()} when no frame came
 * for {@code noSignalAfter} on the injected clock, and clears with the next frame.
 *
 * <p>Frames are fed on the camera's thread; {@link #check()} and {@link #current()} may be called
 * from any thread.
 */
public final class CameraHealthMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraHealthMonitor.class);
    private static final Set<HealthFault> PICTURE = EnumSet.complementOf(EnumSet.of(HealthFault.NO_SIGNAL));

    private final String cameraId;
    private final HealthThresholds thresholds;
    private final Clock clock;
    private final FrameAnalyzer analyzer;
    private final Instant started;
    private final Map<HealthFault, Instant> conditionSince = new EnumMap<>(HealthFault.class);
    private final Map<HealthFault, Instant> absentSince = new EnumMap<>(HealthFault.class);
    private final Map<HealthFault, Instant> raised = new EnumMap<>(HealthFault.class);
    private Instant lastFrameAt;
    private FrameMetrics lastMetrics;

    public CameraHealthMonitor(String cameraId, HealthThresholds thresholds, Clock clock) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.analyzer = new FrameAnalyzer(thresholds);
        this.started = clock.instant();
    }

    /** Sets the view of the site the camera must keep showing; without one, MOVED and OBSTRUCTED are never raised. */
    public void setReference(Frame view) {
        analyzer.setReference(view);
    }

    /** Analyses a frame and updates the faults at the frame's capture time. */
    public CameraHealth onFrame(Frame frame) {
        FrameMetrics metrics = analyzer.analyze(frame);
        return onMetrics(frame.capturedAt(), metrics);
    }

    /** Updates the faults from metrics measured at {@code at} (what {@link #onFrame} does after analysing). */
    public synchronized CameraHealth onMetrics(Instant at, FrameMetrics metrics) {
        lastFrameAt = at;
        lastMetrics = metrics;
        if (raised.remove(HealthFault.NO_SIGNAL) != null) {
            log.info("camera {}: signal back at {}", cameraId, at);
        }
        Set<HealthFault> present = conditions(metrics);
        for (HealthFault fault : PICTURE) {
            if (present.contains(fault)) {
                conditionSince.putIfAbsent(fault, at);
                absentSince.remove(fault);
                Instant since = conditionSince.get(fault);
                if (!raised.containsKey(fault) && !Duration.between(since, at).minus(thresholds.raiseAfter()).isNegative()) {
                    raised.put(fault, since);
                    log.warn("camera {}: fault {} since {} ({})", cameraId, fault, since, metrics);
                }
            } else {
                conditionSince.remove(fault);
                if (raised.containsKey(fault)) {
                    Instant gone = absentSince.computeIfAbsent(fault, f -> at);
                    if (!Duration.between(gone, at).minus(thresholds.clearAfter()).isNegative()) {
                        raised.remove(fault);
                        absentSince.remove(fault);
                        log.info("camera {}: fault {} cleared at {}", cameraId, fault, at);
                    }
                }
            }
        }
        return snapshot(at);
    }

    /** Checks for a missing signal at the clock's time; call it periodically from a watchdog thread. */
    public synchronized CameraHealth check() {
        Instant now = clock.instant();
        Instant last = lastFrameAt != null ? lastFrameAt : started;
        if (!raised.containsKey(HealthFault.NO_SIGNAL)
                && Duration.between(last, now).compareTo(thresholds.noSignalAfter()) > 0) {
            raised.put(HealthFault.NO_SIGNAL, last);
            log.warn("camera {}: no signal since {}", cameraId, last);
        }
        return snapshot(now);
    }

    /** The faults as last updated, stamped with the clock's time. */
    public synchronized CameraHealth current() {
        return snapshot(clock.instant());
    }

    /**
     * Picture conditions seen on the latest analysed frame but not (yet) held for {@code raiseAfter}:
     * each with the moment it began. A case decided meanwhile must not count on the camera.
     */
    public synchronized Map<HealthFault, Instant> pendingConditions() {
        Map<HealthFault, Instant> out = new EnumMap<>(HealthFault.class);
        conditionSince.forEach((fault, since) -> {
            if (!raised.containsKey(fault)) {
                out.put(fault, since);
            }
        });
        return out;
    }

    /** The metrics of the last frame analysed, for status reports; null before the first. */
    public synchronized FrameMetrics lastMetrics() {
        return lastMetrics;
    }

    private Set<HealthFault> conditions(FrameMetrics m) {
        Set<HealthFault> out = EnumSet.noneOf(HealthFault.class);
        if (m.darkFraction() > thresholds.darkFraction()) {
            out.add(HealthFault.TOO_DARK);
        }
        if (m.saturatedFraction() > thresholds.saturatedFraction()) {
            out.add(HealthFault.OVEREXPOSED);
        }
        if (!out.isEmpty()) {
            return out; // a black or white picture has no noise, texture or detail to judge by
        }
        if (m.changedFraction() < thresholds.frozenMaxChange()) {
            out.add(HealthFault.FROZEN);
        }
        double minSharpness = Double.isNaN(m.referenceSharpness()) ? thresholds.minSharpness()
                : thresholds.blurRatio() * m.referenceSharpness();
        if (m.sharpness() < minSharpness) {
            out.add(HealthFault.BLURRED);
        }
        if (m.lostTexture() > thresholds.obstructedCells()) {
            out.add(HealthFault.OBSTRUCTED);
        }
        if (m.shift() > thresholds.movedShift()) {
            out.add(HealthFault.MOVED);
        }
        return out;
    }

    private CameraHealth snapshot(Instant at) {
        return new CameraHealth(cameraId, raised, lastFrameAt, at);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
