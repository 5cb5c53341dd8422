package tw.enforce.runtime.track;

import java.time.Instant;
import java.util.List;
import tw.enforce.runtime.detect.Detection;

/**
 * Turns per-frame detections into tracks with stable ids. Stateful: one per camera, fed every
 * processed frame in order from one thread.
 *
 * <p>Failure contract: {@link #update} rejects a frame sequence that does not increase with
 * {@link IllegalArgumentException} and leaves its state unchanged; it does not fail otherwise.
 */
public interface Tracker {

    /**
     * Associates this frame's detections with the tracks and returns the active ones — confirmed
     * tracks, including those missing in this frame but not yet ended (status LOST) — ordered by id.
     */
    List<Track> update(long frameSequence, Instant at, List<Detection> detections);

    /** Tracks that ended (status FINISHED) since the last call, each returned once. */
    List<Track> drainFinished();

    /** Ends every active track now, e.g. at the end of a stream; they appear in {@link #drainFinished()}. */
    void finishAll();
}
