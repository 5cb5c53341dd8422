package tw.enforce.sync.section;

import java.time.Instant;
import java.util.List;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.MalformedMessageException;

/**
 * The signed manifest of a PASSAGE package: one vehicle seen crossing a section unit's line, with
 * the plate as read there, the unit's clock state and the section as the unit's site config
 * describes it. Units write it (canonical JSON, signed like any evidence manifest, in the same hash
 * chain); the center pairs an entry and an exit passage of one plate into a section-speed case.
 * It carries no decision: a single passage is not an offence.
 */
public record PassageManifest(
        String schema,
        String kind,
        String packageId,
        String unitId,
        String siteId,
        String cameraId,
        long sequence,
        String previousManifestSha256,
        Instant createdAt,
        ClockState clock,
        Section section,
        Passage passage,
        Software software,
        String configSha256,
        List<FileEntry> files) {

    public static final String SCHEMA = "enforce.passage/1";
    public static final String KIND = "PASSAGE";

    public PassageManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The unit clock when the vehicle passed: synchronised or not, estimated offset in ms (null = unknown). */
    public record ClockState(String source, boolean synchronised, Double estimatedOffsetMillis, String note) {
    }

    /**
     * The section as this unit is configured: its id, this unit's role ({@code entry} or {@code exit}),
     * the unit at the other end, the length between the two lines, the limit, and this unit's line
     * (site metres, a line of constant y the vehicle's front crosses).
     */
    public record Section(String sectionId, String role, String partnerUnit, double lengthM, double limitKmh,
                          double lineY) {
        public static final String ENTRY = "entry";
        public static final String EXIT = "exit";
    }

    /**
     * The vehicle at the line: when its front crossed (interpolated between frames), lane (null if
     * none), the unit's track id and class, and the plate as read here.
     */
    public record Passage(Instant passedAt, String lane, long trackId, String vehicleClass, Plate plate) {
    }

    /**
     * Plate text after format normalisation; {@code status} READ, INVALID_FORMAT or NOT_READ (then
     * text is null); {@code rawText} exactly as the recogniser read it, before any look-alike swap.
     */
    public record Plate(String text, double confidence, String status, String rawText) {
        public static final String READ = "READ";

        public Plate(String text, double confidence, String status) {
            this(text, confidence, status, text);
        }

        /** Only a format-valid read can identify a vehicle at two places. */
        public boolean identifies() {
            return READ.equals(status) && text != null && !text.isBlank();
        }
    }

    public record Software(String version, String detector) {
    }

    public record FileEntry(String name, String role, long frameSequence, String sha256, long size) {
    }

    /** Reads a manifest the sync layer already verified; throws naming the field when it is not a passage. */
    public static PassageManifest read(byte[] manifestJson) throws MalformedMessageException {
        PassageManifest m = CanonicalJson.read(manifestJson, PassageManifest.class);
        if (!KIND.equals(m.kind()) || !SCHEMA.equals(m.schema())) {
            throw new MalformedMessageException("manifest " + m.packageId() + ": kind/schema " + m.kind() + "/"
                    + m.schema() + " is not " + KIND + "/" + SCHEMA);
        }
        if (m.section() == null || m.passage() == null || m.clock() == null || m.passage().passedAt() == null
                || m.passage().plate() == null) {
            throw new MalformedMessageException("manifest " + m.packageId() + ": passage needs section, passage, "
                    + "passage.passedAt, passage.plate and clock");
        }
        if (!tw.enforce.sync.protocol.SafeNames.isSafe(m.section().sectionId())) {
            throw new MalformedMessageException("manifest " + m.packageId() + ": section.sectionId is not a safe name");
        }
        String role = m.section().role();
        if (!Section.ENTRY.equals(role) && !Section.EXIT.equals(role)) {
            throw new MalformedMessageException("manifest " + m.packageId() + ": section.role must be entry or exit, was "
                    + role);
        }
        return m;
    }

    /** Whether a manifest says it is a passage, without reading it fully. */
    public static boolean isPassage(byte[] manifestJson) {
        try {
            return KIND.equals(CanonicalJson.read(manifestJson).path("kind").asText(null));
        } catch (MalformedMessageException e) {
            return false;
        }
    }
}
