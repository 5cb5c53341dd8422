package tw.enforce.runtime.app;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the pipeline, read by the diagnostics server from another thread. */
public final class PipelineStats {
    public final AtomicLong frames = new AtomicLong();
    public final AtomicLong detections = new AtomicLong();
    public final AtomicLong detectorErrors = new AtomicLong();
    public final AtomicLong tracksDecided = new AtomicLong();
    public final AtomicLong violations = new AtomicLong();
    public final AtomicLong evidenceStored = new AtomicLong();
    /** Violations whose frames had already left the ring: logged, never invented. */
    public final AtomicLong casesWithoutFrames = new AtomicLong();
    public final AtomicLong storeFailures = new AtomicLong();
    /** Cases voided by a failed cross-check (radar vs video speed): no ticket, counted. */
    public final AtomicLong voidCases = new AtomicLong();
}
