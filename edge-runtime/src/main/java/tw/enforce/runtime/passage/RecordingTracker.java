package tw.enforce.runtime.passage;

import java.time.Instant;
import java.util.List;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.Tracker;

/**
 * A tracker that shows every result to the passage recorder on the way out, so a section unit
 * records passages from the same tracks its rules see, without a second tracker. The wrapped
 * tracker's contract is unchanged; a finished track is handed to the recorder before the caller.
 */
public final class RecordingTracker implements Tracker {
    private final Tracker tracker;
    private final PassageRecorder recorder;

    public RecordingTracker(Tracker tracker, PassageRecorder recorder) {
        this.tracker = tracker;
        this.recorder = recorder;
    }

    @Override
    public List<Track> update(long frameSequence, Instant at, List<Detection> detections) {
        List<Track> active = tracker.update(frameSequence, at, detections);
        recorder.onActive(active);
        return active;
    }

    @Override
    public List<Track> drainFinished() {
        List<Track> finished = tracker.drainFinished();
        recorder.onFinished(finished);
        return finished;
    }

    @Override
    public void finishAll() {
        tracker.finishAll();
    }
}
