package tw.enforce.runtime.frame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames kept beyond the {@link FrameRing}'s window for tracks whose offence takes longer than the
 * ring holds (a vehicle standing a minute in a no-stopping zone): per track its first pinned frame,
 * then one every {@code interval}. Bounded twice: a track holding {@code maxPerTrack} frames drops
 * every other one after its first and pins half as often; when the total would pass {@code maxBytes}
 * the track holding most frames is thinned the same way, and a frame that still does not fit is not
 * pinned. Frames are released with their track. Pipeline thread only.
 */
public final class KeyframePins {
    private static final Logger log = LoggerFactory.getLogger(KeyframePins.class);

    private final Duration interval;
    private final int maxPerTrack;
    private final long maxBytes;
    private final Map<Long, Pins> tracks = new HashMap<>();
    private long bytes;

    /**
     * @param interval    time between two pinned frames of a track, positive
     * @param maxPerTrack frames kept per track, at least 2
     * @param maxBytes    JPEG bytes kept over all tracks, positive
     */
    public KeyframePins(Duration interval, int maxPerTrack, long maxBytes) {
        if (interval.isNegative() || interval.isZero() || maxPerTrack < 2 || maxBytes <= 0) {
            throw new IllegalArgumentException("keyframe pins: need interval > 0, maxPerTrack >= 2, maxBytes > 0; got "
                    + interval + ", " + maxPerTrack + ", " + maxBytes);
        }
        this.interval = interval;
        this.maxPerTrack = maxPerTrack;
        this.maxBytes = maxBytes;
    }

    /** 3 s apart, 24 per track (72 s before thinning), 24 MB in all: about what the ring itself holds. */
    public static KeyframePins defaults() {
        return new KeyframePins(Duration.ofSeconds(3), 24, 24L * 1024 * 1024);
    }

    /** Pins {@code frame} for the track if it is the track's first or due after its last pin; true when pinned. */
    public boolean offer(long trackId, FrameRing.EncodedFrame frame) {
        Pins p = tracks.get(trackId);
        if (p != null && (frame.sequence() <= p.last().sequence() || frame.at().isBefore(p.last().at().plus(p.interval)))) {
            return false;
        }
        long size = frame.jpeg().length;
        while (bytes + size > maxBytes && thinLargest()) {
            // thinned one track; try again
        }
        if (bytes + size > maxBytes) {
            log.debug("track {}: frame {} not pinned, {} bytes pinned already", trackId, frame.sequence(), bytes);
            return false;
        }
        if (p == null) {
            p = new Pins(interval);
            tracks.put(trackId, p);
        }
        p.frames.add(frame);
        bytes += size;
        if (p.frames.size() > maxPerTrack) {
            thin(p);
        }
        return true;
    }

    public boolean pinned(long trackId) {
        return tracks.containsKey(trackId);
    }

    /** The track's pinned frames, oldest first. */
    public List<FrameRing.EncodedFrame> frames(long trackId) {
        Pins p = tracks.get(trackId);
        return p == null ? List.of() : List.copyOf(p.frames);
    }

    public void release(long trackId) {
        Pins p = tracks.remove(trackId);
        if (p != null) {
            p.frames.forEach(f -> bytes -= f.jpeg().length);
        }
    }

    public long bytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int size() {
        return tracks.values().stream().mapToInt(p -> p.frames.size()).sum();
    }

    /**
     * The ring's frame {@code sequence}, or if it has left the ring, the track's pinned frame nearest
     * in time to it, if within {@code maxOffset}. The requested frame's time is interpolated from
     * the sequences and times of the frames around it (frames come at a steady rate).
     */
    public Optional<FrameRing.EncodedFrame> nearest(long trackId, long sequence, FrameRing ring, Duration maxOffset) {
        Optional<FrameRing.EncodedFrame> exact = ring.find(sequence);
        List<FrameRing.EncodedFrame> inRing = ring.frames();
        List<FrameRing.EncodedFrame> pinned = frames(trackId);
        if (exact.isPresent() || pinned.isEmpty() || (!inRing.isEmpty() && sequence >= inRing.get(0).sequence())) {
            return exact;
        }
        TreeMap<Long, FrameRing.EncodedFrame> bySequence = new TreeMap<>();
        pinned.forEach(f -> bySequence.put(f.sequence(), f));
        inRing.forEach(f -> bySequence.put(f.sequence(), f));
        List<FrameRing.EncodedFrame> all = new ArrayList<>(bySequence.values());
        if (all.size() < 2) {
            return Optional.empty();
        }
        int hi = 1;
        while (hi < all.size() - 1 && all.get(hi).sequence() < sequence) {
            hi++;
        }
        FrameRing.EncodedFrame a = all.get(hi - 1), b = all.get(hi);
        double nanosPerFrame = (double) Duration.between(a.at(), b.at()).toNanos() / (b.sequence() - a.sequence());
        Instant wanted = a.at().plusNanos(Math.round((sequence - a.sequence()) * nanosPerFrame));
        FrameRing.EncodedFrame best = null;
        long bestOffset = Long.MAX_VALUE;
        for (FrameRing.EncodedFrame f : pinned) {
            long offset = Math.abs(Duration.between(wanted, f.at()).toNanos());
            if (offset < bestOffset) {
                best = f;
                bestOffset = offset;
            }
        }
        return bestOffset <= maxOffset.toNanos() ? Optional.of(best) : Optional.empty();
    }

    private boolean thinLargest() {
        Pins largest = null;
        for (Pins p : tracks.values()) {
            if (p.frames.size() > 2 && (largest == null || p.frames.size() > largest.frames.size())) {
                largest = p;
            }
        }
        if (largest == null) {
            return false;
        }
        thin(largest);
        return true;
    }

    /** Drops every second frame after the first (the first shows where the offence began) and pins half as often. */
    private void thin(Pins p) {
        List<FrameRing.EncodedFrame> kept = new ArrayList<>();
        for (int i = 0; i < p.frames.size(); i++) {
            if (i % 2 == 0) {
                kept.add(p.frames.get(i));
            } else {
                bytes -= p.frames.get(i).jpeg().length;
            }
        }
        p.frames.clear();
        p.frames.addAll(kept);
        p.interval = p.interval.multipliedBy(2);
    }

    private static final class Pins {
        final List<FrameRing.EncodedFrame> frames = new ArrayList<>();
        Duration interval;

        Pins(Duration interval) {
            this.interval = interval;
        }

        FrameRing.EncodedFrame last() {
            return frames.get(frames.size() - 1);
        }
    }
}
