package tw.enforce.runtime.plate;

import java.util.List;
import java.util.Optional;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * Two stages: a {@link PlateLocaliser} finds plate quads in the vehicle's crop, each of the best
 * few is straightened at full resolution and read by a {@link PlateRecogniser} (a fixed-slot one
 * reads three crops of it and votes, {@link SlotVote}), and the read whose
 * checked text scores best wins. Valid reads beat invalid ones whatever their raw confidence.
 * Confidence = recogniser confidence × localiser score, capped for reads that fail the format.
 */
public final class LocalisingPlateReader implements PlateReader {
    static final double CROP_MARGIN = 0.15;
    /**
     * A fixed-slot recogniser also reads the plate cut tighter and looser by this fraction of its
     * height, and the three reads vote slot by slot: a border, bolt or frame edge that one crop
     * turns into a character rarely does so in all three.
     */
    static final double SLOT_VOTE_JITTER = 0.10;
    /** Below this mean character probability a read is noise (recognisers always emit something). */
    static final double MIN_TEXT_CONFIDENCE = 0.4;

    private final PlateLocaliser localiser;
    private final PlateRecogniser recogniser;
    private final PlateFormat format;
    private final int maxCandidates;

    public LocalisingPlateReader(PlateLocaliser localiser, PlateRecogniser recogniser, PlateFormat format,
                                 int maxCandidates) {
        this.localiser = localiser;
        this.recogniser = recogniser;
        this.format = format;
        this.maxCandidates = maxCandidates;
    }

    @Override
    public Optional<PlateRead> read(Frame frame, BoundingBox vehicle) throws PlateReaderException {
        BoundingBox region = vehicle.clip(frame.width(), frame.height());
        if (region.width() < 1 || region.height() < 1) {
            return Optional.empty();
        }
        Frame crop = PlateCrops.crop(frame, region);
        List<PlateCandidate> found = localiser.locate(crop);
        PlateRead best = null;
        for (PlateCandidate c : found.subList(0, Math.min(maxCandidates, found.size()))) {
            PlateCandidate inFrame = shift(c, region.x1() > 0 ? Math.floor(region.x1()) : 0,
                    region.y1() > 0 ? Math.floor(region.y1()) : 0);
            Optional<PlateRead> r = readAt(frame, inFrame);
            if (r.isPresent() && (best == null || better(r.get(), best))) {
                best = r.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Reads a plate whose position is already known (a labelled box, or a localiser's quad). */
    public Optional<PlateRead> readAt(Frame frame, PlateCandidate plate) throws PlateReaderException {
        Frame straight = PlateCrops.rectify(frame, plate, CROP_MARGIN);
        PlateText t = recogniser.recognise(straight);
        if (recogniser.fixedSlots()) {
            t = SlotVote.combine(List.of(t,
                    recogniser.recognise(PlateCrops.rectify(frame, plate, CROP_MARGIN - SLOT_VOTE_JITTER)),
                    recogniser.recognise(PlateCrops.rectify(frame, plate, CROP_MARGIN + SLOT_VOTE_JITTER))));
        }
        if (t.isEmpty() || t.confidence() < MIN_TEXT_CONFIDENCE) {
            return Optional.empty();
        }
        PlateFormat.Checked checked = format.check(t.text());
        double confidence = checked.valid() ? t.confidence() * plate.score()
                : Math.min(PlateRead.INVALID_CAP, t.confidence() * plate.score());
        return Optional.of(new PlateRead(checked.text(), t.text(), confidence, checked.valid(), plate.box(), straight));
    }

    private static boolean better(PlateRead a, PlateRead b) {
        if (a.formatValid() != b.formatValid()) {
            return a.formatValid();
        }
        return a.confidence() > b.confidence();
    }

    private static PlateCandidate shift(PlateCandidate c, double dx, double dy) {
        double[] xy = c.corners().clone();
        for (int i = 0; i < 8; i += 2) {
            xy[i] += dx;
            xy[i + 1] += dy;
        }
        return PlateCandidate.ofCorners(xy, c.score());
    }

    @Override
    public String description() {
        return "plates: " + recogniser.description();
    }

    @Override
    public void close() {
        localiser.close();
        recogniser.close();
    }
}
