package tw.enforce.runtime.evidence.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.config.PrivacyConfig;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.evidence.EvidenceFile;
import tw.enforce.runtime.plate.PlateCandidate;
import tw.enforce.runtime.plate.PlateCrops;
import tw.enforce.runtime.plate.PlateLocaliser;
import tw.enforce.runtime.plate.PlateReaderException;

/**
 * Masks faces and bystanders' plates in the overview images of a package, per
 * {@code evidence.privacy}. One call per package ({@link #protectAll}) or per overview file
 * ({@link #protect}). An image with nothing to
 * mask keeps its captured bytes; a masked one is re-encoded once. The offender's plate zone is never
 * touched. Not thread-safe (the face finder and localiser are not): one per evidence thread.
 */
public final class OverviewMasker implements AutoCloseable {
    public static final String ORIGINAL_ROLE_SUFFIX = "-unmasked-original";
    private static final Logger log = LoggerFactory.getLogger(OverviewMasker.class);
    private final PrivacyConfig config;
    private final MaskPlanner planner;
    private final FaceFinder faces;
    private final PlateLocaliser plates;

    /** {@code faces} and {@code plates} may be null: then head regions and vehicles' lower parts are used. */
    public OverviewMasker(PrivacyConfig config, FaceFinder faces, PlateLocaliser plates) {
        this.config = Objects.requireNonNull(config, "config");
        this.planner = new MaskPlanner(config);
        this.faces = faces;
        this.plates = plates;
    }

    /**
     * The masker the config asks for, with the face cascade it names ({@link HaarFaceFinder#forConfig})
     * and the unit's plate localiser (null if none).
     */
    public static OverviewMasker forConfig(PrivacyConfig config, PlateLocaliser plates) {
        Optional<FaceFinder> finder = HaarFaceFinder.forConfig(config);
        log.info("overview privacy: faces {} ({}), other plates {}, unmasked original {}", config.maskFaces(),
                finder.map(Object::toString).orElse("head regions only"), config.maskOtherPlates(),
                config.keepOriginal() ? "kept" : "not kept");
        return new OverviewMasker(config, finder.orElse(null), plates);
    }

    /** What one overview image became. {@code original} is the captured bytes, or null when policy drops them. */
    public record Masked(byte[] jpeg, List<MaskRegion> regions, byte[] original) {
        public boolean changed() {
            return !regions.isEmpty();
        }
    }

    /** The files that replace one overview file in the package, and the regions masked in it. */
    public record Protected(List<EvidenceFile> files, List<MaskRegion> regions) {
    }

    /**
     * Replaces an overview file by its masked version (same name, role and frame); when policy keeps
     * the original and something was masked, the captured bytes follow as a second file
     * {@code NAME-unmasked.jpg} with role {@code ROLE-unmasked-original}, signed like every file.
     *
     * @param offender        the offending vehicle's box in this very frame (required)
     * @param frameDetections every detection of that frame; the offender's own is recognised by overlap
     */
    public Protected protect(EvidenceFile overview, BoundingBox offender, List<Detection> frameDetections) {
        Masked m = mask(overview.bytes(), offender, frameDetections);
        List<EvidenceFile> files = new ArrayList<>();
        files.add(new EvidenceFile(overview.name(), overview.role(), overview.frameSequence(), m.jpeg()));
        if (m.original() != null && m.changed()) {
            files.add(new EvidenceFile(unmaskedName(overview.name()), overview.role() + ORIGINAL_ROLE_SUFFIX,
                    overview.frameSequence(), m.original()));
        }
        return new Protected(files, m.regions());
    }

    /**
     * Every overview file of a package in one call: each is {@link #protect protected} with the
     * offender's box from its own frame (or, when the track has no point there, from the nearest
     * frame it has) and the detections {@code frames} recorded for that frame. Files come back in
     * order, each followed by its unmasked original when policy keeps one.
     *
     * @param offenderBoxes the offender track's box per frame sequence; must not be empty
     */
    public Protected protectAll(List<EvidenceFile> overviews, Map<Long, BoundingBox> offenderBoxes, FrameDetections frames) {
        if (offenderBoxes.isEmpty()) {
            throw new IllegalArgumentException("no offender box: cannot tell the offender from bystanders in the overview images");
        }
        List<EvidenceFile> files = new ArrayList<>();
        List<MaskRegion> regions = new ArrayList<>();
        for (EvidenceFile f : overviews) {
            long seq = f.frameSequence();
            long nearest = offenderBoxes.keySet().stream()
                    .min(Comparator.comparingLong((Long k) -> Math.abs(k - seq)).thenComparingLong(k -> k)).orElseThrow();
            if (nearest != seq) {
                log.debug("overview {} (frame {}): offender box taken from frame {}", f.name(), seq, nearest);
            }
            Protected p = protect(f, offenderBoxes.get(nearest), frames.of(seq));
            files.addAll(p.files());
            regions.addAll(p.regions());
        }
        return new Protected(List.copyOf(files), List.copyOf(regions));
    }

    /** Masks one JPEG; see {@link #protect}. */
    public Masked mask(byte[] jpeg, BoundingBox offender, List<Detection> frameDetections) {
        Objects.requireNonNull(offender, "the offender's box in the overview frame is needed to keep its plate legible");
        Objects.requireNonNull(frameDetections, "frameDetections");
        byte[] original = config.keepOriginal() ? jpeg : null;
        if (config.masksNothing()) {
            return new Masked(jpeg, List.of(), original);
        }
        Frame image = Jpeg.decode(jpeg, "overview", 0, Instant.EPOCH);
        List<BoundingBox> found = faces != null && config.maskFaces() ? faces.find(image) : List.of();
        List<MaskRegion> regions = planner.plan(image.width(), image.height(), offender, frameDetections, found,
                plates == null ? null : vehicle -> locate(image, vehicle));
        if (regions.isEmpty()) {
            return new Masked(jpeg, regions, original);
        }
        Frame masked = Pixelator.mask(image, regions, MaskPlanner.offenderPlateZone(offender));
        return new Masked(Jpeg.encode(masked, config.jpegQuality()), List.copyOf(regions), original);
    }

    private List<MaskPlanner.LocatedPlate> locate(Frame image, BoundingBox vehicle) {
        BoundingBox b = vehicle.clip(image.width(), image.height());
        if (b.width() < 2 || b.height() < 2) {
            return List.of();
        }
        try {
            List<MaskPlanner.LocatedPlate> out = new ArrayList<>();
            double ox = Math.floor(b.x1());
            double oy = Math.floor(b.y1());
            for (PlateCandidate c : plates.locate(PlateCrops.crop(image, b))) {
                BoundingBox p = c.box();
                out.add(new MaskPlanner.LocatedPlate(
                        new BoundingBox(p.x1() + ox, p.y1() + oy, p.x2() + ox, p.y2() + oy), c.score()));
            }
            return out;
        } catch (PlateReaderException e) {
            log.warn("plate localiser failed on a bystander vehicle at {}; masking its lower part instead", b, e);
            return List.of();
        }
    }

    static String unmaskedName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name + "-unmasked" : name.substring(0, dot) + "-unmasked" + name.substring(dot);
    }

    /** Closes the face finder; the plate localiser belongs to the caller. */
    @Override
    public void close() {
        if (faces != null) {
            faces.close();
        }
    }
}
