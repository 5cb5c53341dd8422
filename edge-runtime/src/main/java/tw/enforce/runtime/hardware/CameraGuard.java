package tw.enforce.runtime.hardware;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tw.enforce.camera.Frame;
import tw.enforce.camera.health.CameraHealth;
import tw.enforce.camera.health.CameraHealthMonitor;
import tw.enforce.camera.health.FrameMetrics;
import tw.enforce.camera.health.HealthFault;
import tw.enforce.runtime.app.EnforcementGate;

/**
 * One camera's health as the pipeline needs it: frames are analysed by a {@link CameraHealthMonitor}
 * (one in {@code analyseEvery}, on the pipeline thread), and every fault is kept as an interval from
 * the moment its condition began to the moment it cleared, so a case is suspended when any moment
 * of it fell inside a fault, even when the fault was raised or cleared after the vehicle passed.
 * Intervals older than {@code keep} behind the newest check are forgotten.
 *
 * <p>A fault is raised only after its condition held for the monitor's {@code raiseAfter}; a case
 * decided while a condition is still pending (seen on the latest analysed frame, not yet raised)
 * is suspended too, so a camera that is freezing or being turned cannot issue a ticket in the
 * delay before its fault is confirmed. A pending condition that clears costs at most the cases
 * decided while it showed.
 */
public final class CameraGuard implements EnforcementGate, AutoCloseable {

    /** A fault over [from, to]; {@code to} is null while it lasts. */
    public record FaultInterval(HealthFault fault, Instant from, Instant to) {
        boolean overlaps(Instant start, Instant end) {
            return !from.isAfter(end) && (to == null || !to.isBefore(start));
        }
    }

    private final CameraHealthMonitor monitor;
    private final int analyseEvery;
    private final java.time.Duration keep;
    private final List<FaultInterval> intervals = new ArrayList<>();
    private final Map<HealthFault, Long> raisedCounts = new EnumMap<>(HealthFault.class);
    private final AtomicLong analysed = new AtomicLong();
    private final AtomicLong analysisNanos = new AtomicLong();
    private long seen;

    public CameraGuard(CameraHealthMonitor monitor, int analyseEvery, java.time.Duration keep) {
        if (analyseEvery < 1) {
            throw new IllegalArgumentException("analyseEvery must be >= 1, got " + analyseEvery);
        }
        this.monitor = monitor;
        this.analyseEvery = analyseEvery;
        this.keep = keep;
    }

    /** Analyses the frame if it is one of the one-in-N; called on the pipeline thread before the frame is processed. */
    public void observe(Frame frame) {
        if (seen++ % analyseEvery != 0) {
            return;
        }
        long t0 = System.nanoTime();
        CameraHealth health = monitor.onFrame(frame);
        analysisNanos.addAndGet(System.nanoTime() - t0);
        analysed.incrementAndGet();
        record(health);
    }

    /** Checks for a lost signal on the monitor's clock; called periodically from the hardware thread. */
    public CameraHealth check() {
        CameraHealth health = monitor.check();
        record(health);
        return health;
    }

    @Override
    public synchronized Optional<String> suspendedBetween(Instant from, Instant to) {
        for (FaultInterval i : intervals) {
            if (i.overlaps(from, to)) {
                return Optional.of("camera " + monitor.current().cameraId() + " fault " + i.fault() + " from " + i.from()
                        + (i.to() == null ? " (still present)" : " to " + i.to()));
            }
        }
        for (Map.Entry<HealthFault, Instant> p : monitor.pendingConditions().entrySet()) {
            if (!p.getValue().isAfter(to)) {
                return Optional.of("camera " + monitor.current().cameraId() + " condition " + p.getKey() + " since "
                        + p.getValue() + " (not yet confirmed as a fault)");
            }
        }
        return Optional.empty();
    }

    public CameraHealth current() {
        return monitor.current();
    }

    public FrameMetrics lastMetrics() {
        return monitor.lastMetrics();
    }

    public synchronized Map<HealthFault, Long> raisedCounts() {
        return Map.copyOf(raisedCounts);
    }

    public synchronized List<FaultInterval> intervals() {
        return List.copyOf(intervals);
    }

    public long framesAnalysed() {
        return analysed.get();
    }

    /** Mean wall time of one analysis, in milliseconds (NaN before the first). */
    public double meanAnalysisMillis() {
        long n = analysed.get();
        return n == 0 ? Double.NaN : analysisNanos.get() / 1e6 / n;
    }

    private synchronized void record(CameraHealth health) {
        for (int k = 0; k < intervals.size(); k++) {
            FaultInterval i = intervals.get(k);
            if (i.to() == null && !health.has(i.fault())) {
                intervals.set(k, new FaultInterval(i.fault(), i.from(), health.checkedAt()));
            }
        }
        for (Map.Entry<HealthFault, Instant> f : health.faults().entrySet()) {
            boolean open = intervals.stream().anyMatch(i -> i.fault() == f.getKey() && i.to() == null);
            if (!open) {
                intervals.add(new FaultInterval(f.getKey(), f.getValue(), null));
                raisedCounts.merge(f.getKey(), 1L, Long::sum);
            }
        }
        Instant horizon = health.checkedAt().minus(keep);
        intervals.removeIf(i -> i.to() != null && i.to().isBefore(horizon));
    }

    @Override
    public void close() {
        monitor.close();
    }
}
