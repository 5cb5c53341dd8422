package tw.enforce.runtime.evidence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.SiteConfigLoader.LoadedSite;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.rule.RedLightDecision.Violation;
import tw.enforce.runtime.rule.RedLightInput;
import tw.enforce.runtime.plate.PlateRead;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.camera.opencv.Jpeg;

/**
 * Puts together the files and manifest of one red-light case: the scene before the stop line with
 * red lit, the scene inside the junction, and the plate region from the frame where the vehicle is
 * largest (highest resolution). Images are the captured JPEG bytes, unaltered.
 */
public final class RedLightEvidence {
    public static final String RULE = "RED_LIGHT";
    private static final int PLATE_QUALITY = 95;
    private final LoadedSite site;
    private final PlateReader plateReader;
    private final EvidenceManifest.Software software;
    private final Clock clock;
    private final ClockStatus clockStatus;
    private final EnforceabilityPolicy policy;

    public RedLightEvidence(LoadedSite site, EvidenceManifest.Software software, Clock clock, ClockStatus clockStatus) {
        this(site, software, clock, clockStatus, EnforceabilityPolicy.DEFAULT);
    }

    public RedLightEvidence(LoadedSite site, EvidenceManifest.Software software, Clock clock, ClockStatus clockStatus,
                            EnforceabilityPolicy policy) {
        this(site, software, clock, clockStatus, policy, null);
    }

    /** {@code plateReader} null: no reader installed, plates stay NOT_READ and the plate region is cut instead. */
    public RedLightEvidence(LoadedSite site, EvidenceManifest.Software software, Clock clock, ClockStatus clockStatus,
                            EnforceabilityPolicy policy, PlateReader plateReader) {
        this.plateReader = plateReader;
        this.site = site;
        this.software = software;
        this.clock = clock;
        this.clockStatus = clockStatus;
        this.policy = policy;
    }

    /** Where the unit's clock stands, recorded in every package. */
    @FunctionalInterface
    public interface ClockStatus {
        EvidenceManifest.ClockState now();
    }

    /**
     * The unsigned package for a violation, or empty when the frames it must show have already left
     * the ring (then the case cannot be proven and is logged by the caller, not invented).
     */
    public Optional<Draft> assemble(long trackId, ObjectClass vehicleClass, Map<Long, BoundingBox> boxes,
                                    RedLightInput input, Violation v, FrameRing ring) {
        Optional<FrameRing.EncodedFrame> before = ring.find(v.frameBeforeStopLine());
        Optional<FrameRing.EncodedFrame> inside = ring.find(v.frameInJunction());
        if (before.isEmpty() || inside.isEmpty()) {
            return Optional.empty();
        }
        List<EvidenceFile> files = new ArrayList<>();
        files.add(new EvidenceFile("scene-1.jpg", "before-stop-line-red-lit", before.get().sequence(), before.get().jpeg()));
        files.add(new EvidenceFile("scene-2.jpg", "inside-junction", inside.get().sequence(), inside.get().jpeg()));
        int imageHeight = site.config().camera().height();
        Optional<TrackPlates.Result> plateRead = plateReader == null ? Optional.empty()
                : TrackPlates.read(plateReader, boxes, ring, imageHeight);
        EvidenceManifest.Plate plate;
        if (plateRead.isPresent()) {
            PlateRead r = plateRead.get().read();
            plate = new EvidenceManifest.Plate(r.text(), r.confidence(), r.formatValid() ? "READ" : "INVALID_FORMAT");
            files.add(new EvidenceFile("plate.jpg", "plate", plateRead.get().frameSequence(),
                    Jpeg.encode(r.crop(), PLATE_QUALITY)));
        } else {
            plate = new EvidenceManifest.Plate(null, 0, "NOT_READ");
            boxes.entrySet().stream()
                    .filter(e -> ring.find(e.getKey()).isPresent())
                    .filter(e -> e.getValue().y2() < imageHeight - 2)
                    .max(Comparator.comparingDouble(e -> e.getValue().area()))
                    .ifPresent(e -> files.add(new EvidenceFile("plate.jpg", "plate-region", e.getKey(),
                            PlateCrop.lowerPart(ring.find(e.getKey()).orElseThrow().jpeg(), e.getValue(), PLATE_QUALITY))));
        }
        SiteConfig cfg = site.config();
        SiteConfig.Lane lane = cfg.approach().laneAt(v.xAtStopLine());
        return Optional.of(new Draft(files, chain -> {
            java.time.Instant now = clock.instant();
            EvidenceManifest.ClockState clockState = clockStatus.now();
            return new EvidenceManifest(
                EvidenceManifest.SCHEMA,
                packageId(cfg.unit().id(), chain.sequence()),
                cfg.unit().id(), cfg.unit().site(), cfg.camera().id(),
                chain.sequence(), chain.previousManifestSha256(), now, clockState,
                RULE, lane == null ? null : lane.id(),
                new EvidenceManifest.Vehicle(trackId, vehicleClass.name(), plate),
                new EvidenceManifest.RedLightMeasurement(v.redOnset(), v.stopLineCrossing(), v.exitLineCrossing(),
                        v.timeIntoRedSeconds(), v.phaseBeforeRed().name(), v.speedKmh(), "video-trajectory",
                        input.settings().graceSeconds()),
                new EvidenceManifest.Calibration(cfg.calibration().id(), cfg.calibration().validUntil(),
                        site.imageToWorld().coefficients(), site.reprojectionErrorM()),
                software, site.sha256(), input,
                policy.assess(RULE, clockState, cfg.calibration().id(), cfg.calibration().validUntil(), now), null);
        }));
    }

    /** Package ids are the unit id and its chain sequence: unique, ordered, idempotent on resend. */
    public static String packageId(String unitId, long sequence) {
        return String.format("%s-%08d", unitId, sequence);
    }

    /** Files plus a manifest that still needs its place in the chain and its file hashes. */
    public record Draft(List<EvidenceFile> files, java.util.function.Function<ChainLink, EvidenceManifest> manifestFor) {
    }
}
