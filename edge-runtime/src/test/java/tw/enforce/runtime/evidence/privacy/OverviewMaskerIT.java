package tw.enforce.runtime.evidence.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.config.PrivacyConfig;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.detect.YoloxConfig;
import tw.enforce.runtime.detect.YoloxDetector;
import tw.enforce.runtime.evidence.EvidenceFile;
import tw.enforce.runtime.plate.LocalisingPlateReader;
import tw.enforce.runtime.plate.PlateCandidate;
import tw.enforce.runtime.plate.PlateRead;
import tw.enforce.runtime.plate.PlateReaderConfig;
import tw.enforce.runtime.plate.YunetLocaliser;

/**
 * Real photos: two cars of the openalpr EU set side by side in one overview image (the offender on
 * the left, a bystander on the right), read by the real plate reader before and after masking; and
 * a real frame of people walking, found by YOLOX-Nano.
 */
class OverviewMaskerIT {
    private static final String OFFENDER = "test_077";
    private static final String BYSTANDER = "eu1";
    private static Path shared;
    private static LocalisingPlateReader reader;
    private static YunetLocaliser localiser;
    private static YoloxDetector yolox;

    @BeforeAll
    static void load() throws Exception {
        String dir = System.getProperty("enforce.shared.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "models")), "shared models absent");
        shared = Path.of(dir);
        Path models = shared.resolve("models");
        reader = new PlateReaderConfig(models.resolve("lpd_yunet_2023mar.onnx"), PlateReaderConfig.Recogniser.CCT,
                models.resolve("cct_xs_v1_global.onnx"), 0.1, 3, false, 1).open();
        localiser = new YunetLocaliser(models.resolve("lpd_yunet_2023mar.onnx"), 0.3, 1);
        yolox = new YoloxDetector(YoloxConfig.nano(models.resolve("yolox_nano.onnx")));
    }

    @AfterAll
    static void close() {
        if (reader != null) {
            reader.close();
        }
        if (localiser != null) {
            localiser.close();
        }
        if (yolox != null) {
            yolox.close();
        }
    }

    @Test
    void bystanderPlateCanNoLongerBeReadWhileTheOffendersStillReadsTheSame() throws Exception {
        Scene s = twoCars();
        String offenderBefore = read(s.frame, s.offenderPlate);
        String bystanderBefore = read(s.frame, s.bystanderPlate);
        assertEquals(label(OFFENDER)[5], offenderBefore);
        assertEquals(label(BYSTANDER)[5], bystanderBefore);

        OverviewMasker masker = new OverviewMasker(PrivacyConfig.DEFAULTS, null, localiser);
        OverviewMasker.Masked m = masker.mask(s.jpeg, s.offender, s.detections);
        Frame after = Jpeg.decode(m.jpeg(), "t", 0, Instant.EPOCH);

        if (Boolean.getBoolean("privacy.dump")) {
            Files.write(Path.of("/tmp/privacy/masked.jpg"), m.jpeg());
        }
        assertEquals(1, m.regions().size(), m.regions().toString());
        assertEquals(MaskRegion.Kind.PLATE, m.regions().get(0).kind());
        assertEquals(offenderBefore, read(after, s.offenderPlate));
        assertNotEquals(bystanderBefore, read(after, s.bystanderPlate));
        assertTrue(distinctColours(after, s.bystanderPlate) < 40, "bystander plate is a coarse mosaic");
        assertTrue(meanAbsDiff(s.frame, after, s.offender) < 2.0, "offender only re-encoded, "
                + meanAbsDiff(s.frame, after, s.offender));
        assertTrue(m.original() == null, "the policy keeps no unmasked original by default");
    }

    @Test
    void withoutALocaliserTheBystandersWholeLowerPartIsMasked() throws Exception {
        Scene s = twoCars();
        OverviewMasker.Masked m = new OverviewMasker(PrivacyConfig.DEFAULTS, null, null)
                .mask(s.jpeg, s.offender, s.detections);

        assertEquals(MaskRegion.Source.VEHICLE_LOWER_PART, m.regions().get(0).source());
        assertNotEquals(label(BYSTANDER)[5], read(Jpeg.decode(m.jpeg(), "t", 0, Instant.EPOCH), s.bystanderPlate));
    }

    @Test
    void policyKeepingTheOriginalAddsItAsASeparateFileWithItsOwnRole() throws Exception {
        Scene s = twoCars();
        EvidenceFile overview = new EvidenceFile("scene-1.jpg", "before-stop-line-red-lit", 41, s.jpeg);
        PrivacyConfig keep = new PrivacyConfig(null, null, true, null, "none", null);

        OverviewMasker.Protected kept = new OverviewMasker(keep, null, localiser).protect(overview, s.offender, s.detections);
        OverviewMasker.Protected dropped = new OverviewMasker(PrivacyConfig.DEFAULTS, null, localiser)
                .protect(overview, s.offender, s.detections);

        assertEquals(2, kept.files().size());
        EvidenceFile original = kept.files().get(1);
        assertEquals("scene-1-unmasked.jpg", original.name());
        assertEquals("before-stop-line-red-lit-unmasked-original", original.role());
        assertEquals(41, original.frameSequence());
        assertArrayEquals(s.jpeg, original.bytes());
        assertEquals(List.of("scene-1.jpg"), dropped.files().stream().map(EvidenceFile::name).toList());
        assertFalse(java.util.Arrays.equals(s.jpeg, dropped.files().get(0).bytes()), "the kept file is the masked one");
        assertEquals("before-stop-line-red-lit", dropped.files().get(0).role());
    }

    @Test
    void aWholePackageIsProtectedInOneCallWithTheNearestOffenderBoxAndEachFramesDetections() throws Exception {
        Scene s = twoCars();
        FrameDetections frames = new FrameDetections(10);
        frames.record(40, s.detections);
        frames.record(41, List.of(s.detections.get(0)));
        List<EvidenceFile> overviews = List.of(new EvidenceFile("scene-1.jpg", "before", 40, s.jpeg),
                new EvidenceFile("scene-2.jpg", "inside", 41, s.jpeg));
        PrivacyConfig keep = new PrivacyConfig(null, null, true, null, "none", null);

        OverviewMasker.Protected p = new OverviewMasker(keep, null, localiser)
                .protectAll(overviews, java.util.Map.of(39L, s.offender), frames);

        assertEquals(List.of("scene-1.jpg", "scene-1-unmasked.jpg", "scene-2.jpg"),
                p.files().stream().map(EvidenceFile::name).toList(), "frame 41 had no bystander: nothing masked, no copy");
        assertEquals(1, p.regions().size());
        assertArrayEquals(s.jpeg, p.files().get(2).bytes());
        assertEquals(label(OFFENDER)[5], read(Jpeg.decode(p.files().get(0).bytes(), "t", 0, Instant.EPOCH), s.offenderPlate));
        assertThrows(IllegalArgumentException.class,
                () -> new OverviewMasker(keep, null, null).protectAll(overviews, java.util.Map.of(), frames));
    }

    @Test
    void anImageWithOnlyTheOffenderKeepsItsCapturedBytes() throws Exception {
        Scene s = twoCars();
        OverviewMasker.Protected p = new OverviewMasker(new PrivacyConfig(null, null, true, null, "none", null), null,
                localiser).protect(new EvidenceFile("scene-2.jpg", "inside-junction", 7, s.jpeg), s.offender,
                List.of(s.detections.get(0)));

        assertEquals(1, p.files().size(), "nothing masked, so no second copy");
        assertArrayEquals(s.jpeg, p.files().get(0).bytes());
        assertTrue(p.regions().isEmpty());
    }

    @Test
    void headsOfPeopleInARealFrameAreMaskedAndTheirBodiesLeft(@TempDir Path tmp) throws Exception {
        Frame people = videoFrame(shared.resolve("data/video/one-by-one-person-detection.mp4"), 24, tmp);
        List<Detection> found = yolox.detect(people);
        Detection person = found.stream().filter(d -> d.objectClass() == ObjectClass.PERSON && d.score() > 0.5)
                .findFirst().orElseThrow(() -> new AssertionError("YOLOX found no person: " + found));
        BoundingBox offender = new BoundingBox(0, 0, 40, 30);

        OverviewMasker.Masked m = new OverviewMasker(new PrivacyConfig(null, null, null, null, "none", null), null, null)
                .mask(Jpeg.encode(people, 95), offender, found);
        Frame after = Jpeg.decode(m.jpeg(), "t", 0, Instant.EPOCH);

        BoundingBox p = person.box();
        BoundingBox head = new BoundingBox(p.x1(), p.y1(), p.x2(), p.y1() + p.height() * 0.15);
        BoundingBox legs = new BoundingBox(p.x1(), p.y1() + p.height() * 0.5, p.x2(), p.y2());
        assertTrue(m.regions().stream().anyMatch(r -> r.source() == MaskRegion.Source.PERSON_HEAD), m.regions().toString());
        assertTrue(meanAbsDiff(people, after, head) > 4 * meanAbsDiff(people, after, legs),
                "head changed " + meanAbsDiff(people, after, head) + ", legs " + meanAbsDiff(people, after, legs));
        assertTrue(distinctColours(after, head) < distinctColours(people, head) / 4);
    }

    @Test
    void theDebianFaceCascadeLoadsAndAFileThatIsNoCascadeIsRefusedByName(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isReadable(HaarFaceFinder.DEBIAN_FRONTAL_FACE), "Debian opencv-data not installed");
        Optional<FaceFinder> auto = HaarFaceFinder.forConfig(PrivacyConfig.DEFAULTS);
        assertTrue(auto.isPresent());
        Frame road = Jpeg.decode(Files.readAllBytes(shared.resolve("data/plates/eu/" + BYSTANDER + ".jpg")), "t", 0,
                Instant.EPOCH);
        auto.get().find(road);
        assertTrue(HaarFaceFinder.forConfig(new PrivacyConfig(null, null, null, null, "none", null)).isEmpty());

        Path bogus = Files.writeString(tmp.resolve("faces.xml"), "<not-a-cascade/>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HaarFaceFinder.forConfig(new PrivacyConfig(null, null, null, null, bogus.toString(), null)));
        assertTrue(e.getMessage().contains(bogus.toString()), e.getMessage());
    }

    private record Scene(Frame frame, byte[] jpeg, BoundingBox offender, BoundingBox offenderPlate,
                         BoundingBox bystanderPlate, List<Detection> detections) {
    }

    /** The two photos side by side on one canvas, the cars found by YOLOX-Nano. */
    private static Scene twoCars() throws Exception {
        Frame a = photo(OFFENDER);
        Frame b = photo(BYSTANDER);
        int w = a.width() + b.width();
        int h = Math.max(a.height(), b.height());
        byte[] px = new byte[w * h * 3];
        java.util.Arrays.fill(px, (byte) 90);
        blit(a, px, w, 0);
        blit(b, px, w, a.width());
        Frame canvas = new Frame("t", 1, Instant.EPOCH, w, h, px);
        byte[] jpeg = Jpeg.encode(canvas, 95);
        Frame decoded = Jpeg.decode(jpeg, "t", 1, Instant.EPOCH);
        BoundingBox offenderPlate = plateBox(OFFENDER, 0);
        BoundingBox bystanderPlate = plateBox(BYSTANDER, a.width());
        List<Detection> found = yolox.detect(decoded);
        Detection offender = around(found, offenderPlate);
        Detection bystander = around(found, bystanderPlate);
        return new Scene(decoded, jpeg, offender.box(), offenderPlate, bystanderPlate, List.of(offender, bystander));
    }

    private static Detection around(List<Detection> found, BoundingBox plate) {
        return found.stream()
                .filter(d -> d.objectClass().isVehicle() && d.box().x1() <= plate.x1() && d.box().x2() >= plate.x2()
                        && d.box().y1() <= plate.y1() && d.box().y2() >= plate.y2())
                .max(java.util.Comparator.comparingDouble(Detection::score))
                .orElseThrow(() -> new AssertionError("YOLOX found no vehicle around the plate " + plate + ": " + found));
    }

    private static void blit(Frame src, byte[] dst, int dstWidth, int x0) {
        for (int y = 0; y < src.height(); y++) {
            System.arraycopy(src.bgr(), y * src.width() * 3, dst, (y * dstWidth + x0) * 3, src.width() * 3);
        }
    }

    private static Frame photo(String name) throws IOException {
        return Jpeg.decode(Files.readAllBytes(shared.resolve("data/plates/eu/" + name + ".jpg")), name, 0, Instant.EPOCH);
    }

    private static String[] label(String name) throws IOException {
        return Files.readString(shared.resolve("data/plates/eu/" + name + ".txt")).trim().split("\t");
    }

    private static BoundingBox plateBox(String name, double dx) throws IOException {
        String[] l = label(name);
        double x = Double.parseDouble(l[1]) + dx;
        double y = Double.parseDouble(l[2]);
        return new BoundingBox(x, y, x + Double.parseDouble(l[3]), y + Double.parseDouble(l[4]));
    }

    private static String read(Frame f, BoundingBox plate) throws Exception {
        return reader.readAt(f, PlateCandidate.ofBox(plate, 1)).map(PlateRead::text).orElse("");
    }

    private static Frame videoFrame(Path video, int second, Path tmp) throws Exception {
        Path out = tmp.resolve("frame.jpg");
        Process p;
        try {
            p = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-ss", String.valueOf(second), "-i",
                    video.toString(), "-frames:v", "1", out.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "ffmpeg not installed: cannot take a frame of " + video);
            throw e;
        }
        assumeTrue(p.waitFor() == 0 && Files.isRegularFile(out), "ffmpeg could not read " + video);
        return Jpeg.decode(Files.readAllBytes(out), "people", second, Instant.EPOCH);
    }

    private static double meanAbsDiff(Frame a, Frame b, BoundingBox box) {
        BoundingBox c = box.clip(a.width(), a.height());
        long sum = 0;
        long n = 0;
        for (int y = (int) c.y1(); y < (int) c.y2(); y++) {
            for (int x = (int) c.x1(); x < (int) c.x2(); x++) {
                for (int k = 0; k < 3; k++) {
                    int i = (y * a.width() + x) * 3 + k;
                    sum += Math.abs((a.bgr()[i] & 0xff) - (b.bgr()[i] & 0xff));
                    n++;
                }
            }
        }
        return n == 0 ? 0 : (double) sum / n;
    }

    /** Colours counted at 5 bits per channel, so JPEG ringing around mosaic edges barely adds any. */
    private static int distinctColours(Frame f, BoundingBox box) {
        BoundingBox c = box.clip(f.width(), f.height());
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = (int) c.y1(); y < (int) c.y2(); y++) {
            for (int x = (int) c.x1(); x < (int) c.x2(); x++) {
                int i = (y * f.width() + x) * 3;
                seen.add(((f.bgr()[i] & 0xf8) << 16) | ((f.bgr()[i + 1] & 0xf8) << 8) | (f.bgr()[i + 2] & 0xf8));
            }
        }
        return seen.size();
    }
}
