package tw.enforce.sim.sprite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.geometry.ImagePoint;

class SpriteLibraryTest {
    private static final List<String> PHOTOS = List.of("test_002.jpg", "test_031.jpg", "test_081.jpg");

    @TempDir
    Path cache;

    @Test
    void cutsCarsFromLabelledPhotosWithSensibleMasksAndPlatePositions() throws Exception {
        Path shared = sharedDir();
        SpriteLibrary lib = SpriteLibrary.open(shared, cache, new SpriteLibrary.Options(PHOTOS, 0));

        assertEquals(3, lib.vehicles().size(), "all three clean rear views are usable");
        for (Sprite s : lib.vehicles()) {
            assertFalse(s.degraded());
            double coverage = alphaCoverage(s.image());
            assertTrue(coverage > 0.55 && coverage < 0.97, s.id() + " mask covers " + coverage + " of its box");
            assertTrue(s.image().getRGB(s.width() / 2, s.height() / 2) >>> 24 > 200, s.id() + " is opaque in the middle");
            assertNotNull(s.plate());
            for (ImagePoint p : s.plate().corners()) {
                assertTrue(p.u() >= 0 && p.u() <= s.width() && p.v() >= 0 && p.v() <= s.height(), s.id() + " plate inside sprite");
            }
            assertTrue(s.plate().centerV() > s.height() * 0.45, s.id() + " rear plate sits in the lower half");
            double plateToCar = s.plate().width() / s.width();
            assertTrue(plateToCar > 0.2 && plateToCar < 0.4, s.id() + " plate/car width " + plateToCar);
        }
        assertTrue(lib.degraded(), "pedestrians were not asked for, so drawn people stand in");
    }

    @Test
    void secondOpenLoadsTheSameSpritesFromTheCache() throws Exception {
        Path shared = sharedDir();
        SpriteLibrary first = SpriteLibrary.open(shared, cache, new SpriteLibrary.Options(PHOTOS, 0));
        java.util.Map<Path, java.nio.file.attribute.FileTime> written = cacheFiles();
        SpriteLibrary again = SpriteLibrary.open(shared, cache, new SpriteLibrary.Options(PHOTOS, 0));

        assertEquals(first.vehicles().size(), again.vehicles().size());
        for (int i = 0; i < first.vehicles().size(); i++) {
            assertEquals(first.vehicles().get(i).width(), again.vehicles().get(i).width());
            assertEquals(first.vehicles().get(i).plate().centerU(), again.vehicles().get(i).plate().centerU(), 0.01);
        }
        assertFalse(written.isEmpty(), "the first open filled the cache");
        assertEquals(written, cacheFiles(), "the second open read the cache and cut nothing again");
    }

    private java.util.Map<Path, java.nio.file.attribute.FileTime> cacheFiles() throws java.io.IOException {
        java.util.Map<Path, java.nio.file.attribute.FileTime> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(cache)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                out.put(f, java.nio.file.Files.getLastModifiedTime(f));
            }
        }
        return out;
    }

    @Test
    void photoOfACarRunningOffTheFrameIsRejectedWithAReason() throws Exception {
        Path shared = sharedDir();
        CutResult r = new VehicleCutter().cut(shared.resolve("data/plates/eu/eu4.txt")); // plate close-up
        assertTrue(r instanceof CutResult.Rejected, "close-up rejected: " + r);
        assertFalse(((CutResult.Rejected) r).reason().isBlank());
    }

    @Test
    void withoutSharedDataDrawnShapesStandInAndSayWhy() throws Exception {
        SpriteLibrary lib = SpriteLibrary.open(cache.resolve("no-such-shared"), cache);

        assertTrue(lib.degraded());
        assertTrue(lib.degradedReason().contains("no-such-shared"), lib.degradedReason());
        assertFalse(lib.vehicles().isEmpty());
        assertFalse(lib.pedestrians().isEmpty());
        assertTrue(lib.vehicle(-7).degraded(), "any appearance picks a sprite");
        assertNotNull(lib.vehicle(3).plate(), "drawn cars still carry a plate place");
    }

    static double alphaCoverage(BufferedImage img) {
        long opaque = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                opaque += (img.getRGB(x, y) >>> 24) > 127 ? 1 : 0;
            }
        }
        return opaque / (double) (img.getWidth() * img.getHeight());
    }

    static Path sharedDir() {
        String dir = System.getProperty("enforce.shared.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "data/plates/eu")), "needs ../shared/data/plates/eu");
        return Path.of(dir);
    }
}
