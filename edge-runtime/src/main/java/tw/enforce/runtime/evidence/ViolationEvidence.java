package tw.enforce.runtime.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.SiteConfigLoader.LoadedSite;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.evidence.privacy.FrameDetections;
import tw.enforce.runtime.evidence.privacy.OverviewMasker;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.frame.KeyframePins;
import tw.enforce.runtime.plate.PlateRead;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.rule.FrameRef;
import tw.enforce.runtime.rule.RuleOutcome;

/**
 * Puts together the files and manifest of one case of any rule: the frames the rule names (in its
 * order, named scene-1.jpg, scene-2.jpg… with the rule's role for each), and the plate from the
 * frame where the vehicle is largest. The manifest records the rule's decision input and its
 * measurement (with {@code eventTime}) as JSON, so the case replays. Images are the captured JPEG
 * bytes, unaltered, unless a privacy masker is set: then faces and bystanders' plates in the scene
 * images are pixelated before signing, the file's role gains {@value #MASKED_ROLE_SUFFIX}, and the
 * unmasked capture is kept as its own signed file only when policy says so.
 */
public final class ViolationEvidence {
    public static final String MASKED_ROLE_SUFFIX = "-privacy-masked";
    private static final int PLATE_QUALITY = 95;
    /**
     * Detections remembered for masking: 3 min at 30 fps, as far back as a standing vehicle's pinned
     * frames reach (a few boxes per frame, a few MB at most).
     */
    private static final int DETECTION_FRAMES = 5400;
    /** How far from a requested frame a kept frame may be to show it: a standing vehicle looks the same. */
    public static final Duration MAX_STAND_IN = Duration.ofSeconds(3);
    private final LoadedSite site;
    private final PlateReader plateReader;
    private final EvidenceManifest.Software software;
    private final Clock clock;
    private final ClockStatus clockStatus;
    private final EnforceabilityPolicy policy;
    private final OverviewMasker masker;
    private final FrameDetections frameDetections = new FrameDetections(DETECTION_FRAMES);

    /** {@code plateReader} null: no reader installed, plates stay NOT_READ and the plate region is cut instead. */
    public ViolationEvidence(LoadedSite site, EvidenceManifest.Software software, Clock clock, ClockStatus clockStatus,
                             EnforceabilityPolicy policy, PlateReader plateReader) {
        this(site, software, clock, clockStatus, policy, plateReader, null);
    }

    /** {@code masker} null: scene images go into the package exactly as captured. */
    public ViolationEvidence(LoadedSite site, EvidenceManifest.Software software, Clock clock, ClockStatus clockStatus,
                             EnforceabilityPolicy policy, PlateReader plateReader, OverviewMasker masker) {
        this.masker = masker;
        this.plateReader = plateReader;
        this.site = site;
        this.software = software;
        this.clock = clock;
        this.clockStatus = clockStatus;
        this.policy = policy;
    }

    /** Every frame's detections, so bystanders in a scene image can be told from the offender later. */
    public void frameDetected(long frameSequence, List<Detection> detections) {
        if (masker != null) {
            frameDetections.record(frameSequence, detections);
        }
    }

    /** Where the unit's clock stands, recorded in every package. */
    @FunctionalInterface
    public interface ClockStatus {
        EvidenceManifest.ClockState now();
    }

    /**
     * The unsigned package for a violation, or empty when a frame it must show has already left the
     * ring (then the case cannot be proven and is logged by the caller, not invented).
     * {@code decisionInput} is the rule's input record the violation was decided on.
     */
    public Optional<Draft> assemble(long trackId, String vehicleClass, Map<Long, BoundingBox> boxes,
                                    Object decisionInput, RuleOutcome.Violation v, FrameRing ring) {
        return assemble(trackId, vehicleClass, boxes, decisionInput, v, ring, null);
    }

    /**
     * As above, but a frame that has left the ring may be stood in for by the track's pinned frame
     * nearest to it (within {@link #MAX_STAND_IN}); the manifest names the frame actually shown.
     */
    public Optional<Draft> assemble(long trackId, String vehicleClass, Map<Long, BoundingBox> boxes,
                                    Object decisionInput, RuleOutcome.Violation v, FrameRing ring, KeyframePins pins) {
        List<EvidenceFile> files = new ArrayList<>();
        int n = 1;
        for (FrameRef ref : v.frames()) {
            Optional<FrameRing.EncodedFrame> f = pins == null ? ring.find(ref.frameSequence())
                    : pins.nearest(trackId, ref.frameSequence(), ring, MAX_STAND_IN);
            if (f.isEmpty()) {
                return Optional.empty();
            }
            files.add(new EvidenceFile("scene-" + n++ + ".jpg", ref.role(), f.get().sequence(), f.get().jpeg()));
        }
        if (masker != null && !boxes.isEmpty()) {
            files = masked(files, boxes);
        }
        EvidenceManifest.Plate plate = plate(boxes, ring, files);
        SiteConfig cfg = site.config();
        return Optional.of(new Draft(files, chain -> {
            Instant now = clock.instant();
            EvidenceManifest.ClockState clockState = clockStatus.now();
            return new EvidenceManifest(
                EvidenceManifest.SCHEMA,
                packageId(cfg.unit().id(), chain.sequence()),
                cfg.unit().id(), cfg.unit().site(), cfg.camera().id(),
                chain.sequence(), chain.previousManifestSha256(), now, clockState,
                v.rule(), v.lane(),
                new EvidenceManifest.Vehicle(trackId, vehicleClass, plate),
                Measurements.of(v),
                new EvidenceManifest.Calibration(cfg.calibration().id(), cfg.calibration().validUntil(),
                        site.imageToWorld().coefficients(), site.reprojectionErrorM()),
                software, site.sha256(), Measurements.tree(decisionInput),
                policy.assess(v.rule(), clockState, cfg.calibration().id(), cfg.calibration().validUntil(), now), null);
        }));
    }

    private List<EvidenceFile> masked(List<EvidenceFile> scenes, Map<Long, BoundingBox> boxes) {
        List<EvidenceFile> out = new ArrayList<>();
        for (EvidenceFile scene : scenes) {
            OverviewMasker.Protected p = masker.protectAll(List.of(scene), boxes, frameDetections);
            for (EvidenceFile f : p.files()) {
                boolean maskedCopy = !p.regions().isEmpty() && f.name().equals(scene.name());
                out.add(maskedCopy ? new EvidenceFile(f.name(), f.role() + MASKED_ROLE_SUFFIX, f.frameSequence(), f.bytes()) : f);
            }
        }
        return out;
    }

    private EvidenceManifest.Plate plate(Map<Long, BoundingBox> boxes, FrameRing ring, List<EvidenceFile> files) {
        int imageHeight = site.config().camera().height();
        Optional<TrackPlates.Result> plateRead = plateReader == null ? Optional.empty()
                : TrackPlates.read(plateReader, boxes, ring, imageHeight);
        if (plateRead.isPresent()) {
            PlateRead r = plateRead.get().read();
            files.add(new EvidenceFile("plate.jpg", "plate", plateRead.get().frameSequence(),
                    Jpeg.encode(r.crop(), PLATE_QUALITY)));
            return new EvidenceManifest.Plate(r.text(), r.confidence(), r.formatValid() ? "READ" : "INVALID_FORMAT",
                    r.rawText());
        }
        boxes.entrySet().stream()
                .filter(e -> ring.find(e.getKey()).isPresent())
                .filter(e -> e.getValue().y2() < imageHeight - 2)
                .max(Comparator.comparingDouble(e -> e.getValue().area()))
                .ifPresent(e -> files.add(new EvidenceFile("plate.jpg", "plate-region", e.getKey(),
                        PlateCrop.lowerPart(ring.find(e.getKey()).orElseThrow().jpeg(), e.getValue(), PLATE_QUALITY))));
        return new EvidenceManifest.Plate(null, 0, "NOT_READ");
    }

    /** Package ids are the unit id and its chain sequence: unique, ordered, idempotent on resend. */
    public static String packageId(String unitId, long sequence) {
        return String.format("%s-%08d", unitId, sequence);
    }

    /** Files plus a manifest that still needs its place in the chain and its file hashes. */
    public record Draft(List<EvidenceFile> files, Function<ChainLink, EvidenceManifest> manifestFor) {
    }
}
