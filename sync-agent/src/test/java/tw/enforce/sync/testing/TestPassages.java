package tw.enforce.sync.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageFiles;
import tw.enforce.sync.section.PassageManifest;

/**
 * Writes signed PASSAGE packages the way a section unit does: a plate image, the canonical passage
 * manifest, its signature; each unit's packages chained by sequence.
 */
public final class TestPassages {
    public static final String SECTION = "S1";
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String> heads = new HashMap<>();
    private final Path root;

    public TestPassages(Path root) {
        this.root = root;
    }

    /** What varies between passages in tests; the rest is a synchronised clock 5 ms off, 1200 m, 60 km/h. */
    public record Spec(String unitId, String role, String partnerUnit, String plate, String plateStatus,
                       Instant passedAt, PassageManifest.ClockState clock, double lengthM) {
        public static Spec of(String unitId, String role, String partner, String plate, Instant passedAt) {
            return new Spec(unitId, role, partner, plate, plate == null ? "NOT_READ" : "READ", passedAt,
                    new PassageManifest.ClockState("test", true, 5.0, null), 1200.0);
        }

        public Spec withPlateStatus(String status) {
            return new Spec(unitId, role, partnerUnit, plate, status, passedAt, clock, lengthM);
        }

        public Spec withClock(PassageManifest.ClockState c) {
            return new Spec(unitId, role, partnerUnit, plate, plateStatus, passedAt, c, lengthM);
        }

        public Spec withLength(double m) {
            return new Spec(unitId, role, partnerUnit, plate, plateStatus, passedAt, clock, m);
        }
    }

    /** Writes the unit's next package and returns its folder. */
    public synchronized Path write(Spec s, PrivateKey key) throws IOException {
        long seq = sequences.merge(s.unitId(), 1L, Long::sum);
        String packageId = String.format("%s-%08d", s.unitId(), seq);
        Path dir = Files.createDirectories(root.resolve(packageId));
        byte[] plate = ("plate of " + s.plate() + " at " + s.passedAt()).getBytes();
        Files.write(dir.resolve("plate.jpg"), plate);
        PassageManifest m = new PassageManifest(PassageManifest.SCHEMA, PassageManifest.KIND, packageId, s.unitId(),
                "SITE-" + s.unitId(), "cam-1", seq, heads.getOrDefault(s.unitId(), ManifestSummary.GENESIS),
                s.passedAt().plusSeconds(2), s.clock(),
                new PassageManifest.Section(SECTION, s.role(), s.partnerUnit(), s.lengthM(), 60.0, -10.0),
                new PassageManifest.Passage(s.passedAt(), "L1", seq, "CAR",
                        new PassageManifest.Plate(s.plate(), s.plate() == null ? 0 : 0.9, s.plateStatus())),
                new PassageManifest.Software("test", "test"), "0".repeat(64),
                List.of(new PassageManifest.FileEntry("plate.jpg", "plate", 7, PackageFiles.sha256Hex(plate), plate.length)));
        byte[] bytes = CanonicalJson.write(m);
        Files.write(dir.resolve(PackageFiles.MANIFEST), bytes);
        TestPackages.resign(dir, key);
        heads.put(s.unitId(), PackageFiles.sha256Hex(bytes));
        return dir;
    }
}
