package tw.enforce.runtime.evidence;

import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.SiteConfigLoader.LoadedSite;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.frame.FrameRing;
import tw.enforce.runtime.passage.LineCrossing;
import tw.enforce.runtime.passage.SectionSettings;
import tw.enforce.runtime.plate.PlateRead;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.section.PassageManifest;

/**
 * Makes the signed PASSAGE package of one vehicle crossing a section unit's line: the plate (read
 * from the track's largest frames still in the ring, with its crop; without a read, the plate region
 * and status NOT_READ), the scene just after the line, and a {@link PassageManifest} with the unit's
 * clock state. It joins the unit's one hash chain, like any evidence package.
 */
public final class PassageEvidence {
    private static final int QUALITY = 95;
    private final LoadedSite site;
    private final SectionSettings section;
    private final PassageManifest.Software software;
    private final ViolationEvidence.ClockStatus clockStatus;
    private final PlateReader plateReader;
    private final PrivateKey unitKey;
    private final Clock clock;

    /** {@code plateReader} null: no reader on this unit, every passage NOT_READ (and never paired). */
    public PassageEvidence(LoadedSite site, SectionSettings section, EvidenceManifest.Software software,
                           ViolationEvidence.ClockStatus clockStatus, PlateReader plateReader, PrivateKey unitKey,
                           Clock clock) {
        this.site = site;
        this.section = section;
        this.software = new PassageManifest.Software(software.version(), software.detector());
        this.clockStatus = clockStatus;
        this.plateReader = plateReader;
        this.unitKey = unitKey;
        this.clock = clock;
    }

    /** The files and the sealing step for one passage; the frames are taken from the ring now. */
    public java.util.function.Function<ChainLink, SignedPackage> prepare(long trackId, ObjectClass vehicleClass,
                                                                      Map<Long, BoundingBox> boxes,
                                                                      LineCrossing.Crossing crossing, FrameRing ring) {
        List<EvidenceFile> files = new ArrayList<>();
        int imageHeight = site.config().camera().height();
        Optional<TrackPlates.Result> read = plateReader == null ? Optional.empty()
                : TrackPlates.read(plateReader, boxes, ring, imageHeight);
        PassageManifest.Plate plate;
        if (read.isPresent()) {
            PlateRead r = read.get().read();
            plate = new PassageManifest.Plate(r.text(), r.confidence(), r.formatValid() ? "READ" : "INVALID_FORMAT",
                    r.rawText());
            files.add(new EvidenceFile("plate.jpg", "plate", read.get().frameSequence(), Jpeg.encode(r.crop(), QUALITY)));
        } else {
            plate = new PassageManifest.Plate(null, 0, "NOT_READ");
            boxes.entrySet().stream()
                    .filter(e -> ring.find(e.getKey()).isPresent())
                    .filter(e -> e.getValue().y2() < imageHeight - 2)
                    .max(Comparator.comparingDouble(e -> e.getValue().area()))
                    .ifPresent(e -> files.add(new EvidenceFile("plate.jpg", "plate-region", e.getKey(),
                            PlateCrop.lowerPart(ring.find(e.getKey()).orElseThrow().jpeg(), e.getValue(), QUALITY))));
        }
        ring.find(crossing.frameAfter()).ifPresent(f ->
                files.add(new EvidenceFile("scene.jpg", "passage-at-line", f.sequence(), f.jpeg())));
        SiteConfig cfg = site.config();
        SiteConfig.Lane lane = cfg.approach().laneAt(crossing.x());
        PassageManifest.Passage passage = new PassageManifest.Passage(crossing.at(), lane == null ? null : lane.id(),
                trackId, vehicleClass.name(), plate);
        return link -> seal(files, passage, link);
    }

    private SignedPackage seal(List<EvidenceFile> files, PassageManifest.Passage passage, ChainLink link) {
        SiteConfig cfg = site.config();
        EvidenceManifest.ClockState c = clockStatus.now();
        List<PassageManifest.FileEntry> entries = new ArrayList<>();
        for (EvidenceFile f : files) {
            entries.add(new PassageManifest.FileEntry(f.name(), f.role(), f.frameSequence(),
                    EvidenceSigner.sha256(f.bytes()), f.bytes().length));
        }
        String id = ViolationEvidence.packageId(cfg.unit().id(), link.sequence());
        PassageManifest m = new PassageManifest(PassageManifest.SCHEMA, PassageManifest.KIND, id, cfg.unit().id(),
                cfg.unit().site(), cfg.camera().id(), link.sequence(), link.previousManifestSha256(), clock.instant(),
                new PassageManifest.ClockState(c.source(), c.synchronised(), c.estimatedOffsetMillis(), c.note()),
                new PassageManifest.Section(section.sectionId(), section.role(), section.partnerUnit(), section.lengthM(),
                        section.limitKmh(), section.lineY()),
                passage, software, site.sha256(), entries);
        byte[] bytes = CanonicalJson.write(m);
        return new SignedPackage(id, link.sequence(), EvidenceSigner.sha256(bytes), bytes, Ed25519Keys.sign(unitKey, bytes),
                List.copyOf(files));
    }
}
