package tw.enforce.runtime.evidence;

import java.time.Instant;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.plate.PlateRead;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.plate.PlateReaderException;
import tw.enforce.runtime.plate.PlateVote;

/**
 * Reads an offender's plate from the frames of its track that are still in the ring: the few where
 * the vehicle is largest (highest resolution) and not cut by the image bottom, one vote each.
 * A reader error on one frame is logged and that frame skipped; no read at all leaves the case
 * with its plate NOT_READ rather than a guess.
 */
final class TrackPlates {
    private static final Logger log = LoggerFactory.getLogger(TrackPlates.class);
    static final int FRAMES_TO_READ = 4;

    record Result(PlateRead read, long frameSequence) {
    }

    private TrackPlates() {
    }

    static Optional<Result> read(PlateReader reader, Map<Long, BoundingBox> boxes, FrameRing ring, int imageHeight) {
        List<Map.Entry<Long, BoundingBox>> best = boxes.entrySet().stream()
                .filter(e -> ring.find(e.getKey()).isPresent())
                .filter(e -> e.getValue().y2() < imageHeight - 2)
                .sorted(Comparator.comparingDouble((Map.Entry<Long, BoundingBox> e) -> e.getValue().area()).reversed())
                .limit(FRAMES_TO_READ)
                .toList();
        PlateVote vote = new PlateVote();
        Map<PlateRead, Long> frameOf = new IdentityHashMap<>();
        for (Map.Entry<Long, BoundingBox> e : best) {
            FrameRing.EncodedFrame encoded = ring.find(e.getKey()).orElseThrow();
            Frame f = Jpeg.decode(encoded.jpeg(), "evidence", encoded.sequence(), Instant.EPOCH);
            try {
                reader.read(f, e.getValue()).ifPresent(r -> {
                    vote.add(r);
                    frameOf.put(r, encoded.sequence());
                });
            } catch (PlateReaderException ex) {
                log.warn("plate read failed on frame {}: {}", encoded.sequence(), ex.getMessage());
            }
        }
        return vote.winner().map(r -> new Result(r, frameOf.getOrDefault(r, -1L)));
    }
}
