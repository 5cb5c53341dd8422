package tw.enforce.runtime.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a signed evidence package says. Serialised as canonical JSON (keys sorted, no whitespace)
 * into manifest.json and signed byte for byte; the center verifies those bytes, never a re-encoding.
 * {@code decisionInput} holds everything the rule saw (the rule's input record as JSON), so the
 * decision can be replayed; {@code measurement} is the rule's measurement record with
 * {@code eventTime}, {@code speedKmh} and {@code speedBased} added (see {@link Measurements}).
 */
public record EvidenceManifest(
        String schema,
        String packageId,
        String unitId,
        String siteId,
        String cameraId,
        long sequence,
        String previousManifestSha256,
        Instant createdAt,
        ClockState clock,
        String rule,
        String lane,
        Vehicle vehicle,
        JsonNode measurement,
        Calibration calibration,
        Software software,
        String configSha256,
        JsonNode decisionInput,
        Enforceability enforceability,
        List<FileEntry> files) {

    public static final String SCHEMA = "enforce.evidence/1";
    /** previousManifestSha256 of a unit's first package. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The unit clock when the package was made: its source (timedatectl, chrony, simulator...),
     * whether it was synchronised, the estimated offset from true time in ms (null = unknown).
     */
    public record ClockState(String source, boolean synchronised, Double estimatedOffsetMillis, String note) {
        public ClockState(String source, boolean synchronised, String note) {
            this(source, synchronised, null, note);
        }
    }

    /**
     * Whether the case may go to enforcement as it stands: {@code enforceable} for the rule itself,
     * {@code speedEnforceable} for any speed it states; {@code notes} say why not (or what to know).
     * A package that is not enforceable is still kept and sent: the center decides, on the record.
     */
    public record Enforceability(boolean enforceable, boolean speedEnforceable, List<String> notes) {
        public Enforceability {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    public record Vehicle(long trackId, String vehicleClass, Plate plate) {
    }

    /**
     * The plate: {@code text} after format normalisation, {@code status} NOT_READ, READ or
     * INVALID_FORMAT, and {@code rawText} exactly as the recogniser read it (differs from text only
     * where a look-alike was swapped to fit the layout, O→0 in a digit position, so a reviewer sees
     * every normalisation; null when nothing was read).
     */
    public record Plate(String text, double confidence, String status, String rawText) {
        public Plate(String text, double confidence, String status) {
            this(text, confidence, status, text);
        }
    }

    public record Calibration(String id, LocalDate validUntil, double[] imageToWorld, double reprojectionErrorM) {
    }

    public record Software(String version, String detector, String detectorSha256) {
    }

    /** One file of the package: its name in the package folder, what it shows, and its SHA-256. */
    public record FileEntry(String name, String role, long frameSequence, String sha256, long size) {
    }
}
