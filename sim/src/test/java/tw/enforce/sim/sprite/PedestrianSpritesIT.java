package tw.enforce.sim.sprite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the Debian {@code ffmpeg} command (the openpnp OpenCV build cannot decode the mp4). */
class PedestrianSpritesIT {

    @TempDir
    Path cache;

    @Test
    void cutsStandingPeopleOutOfTheRoomVideo() throws Exception {
        Path shared = SpriteLibraryTest.sharedDir();
        assumeTrue(onPath("ffmpeg"), "needs ffmpeg on PATH (apt-get install -y ffmpeg)");

        SpriteLibrary lib = SpriteLibrary.open(shared, cache, new SpriteLibrary.Options(List.of("test_031.jpg"), 8));

        assertFalse(lib.degraded(), "real people and a real car: " + lib.degradedReason());
        assertTrue(lib.pedestrians().size() >= 4, "several people: " + lib.pedestrians().size());
        for (Sprite p : lib.pedestrians()) {
            double aspect = p.height() / (double) p.width();
            assertTrue(aspect > 1.7 && aspect < 5, p.id() + " is upright: " + aspect);
            double coverage = SpriteLibraryTest.alphaCoverage(p.image());
            assertTrue(coverage > 0.3 && coverage < 0.9, p.id() + " mask covers " + coverage);
        }
        assertFalse(Files.exists(cache.resolve(SpriteCache.VERSION).resolve("scratch")), "ffmpeg stills cleaned up");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
