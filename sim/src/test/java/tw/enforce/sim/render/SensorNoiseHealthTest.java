package tw.enforce.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.camera.Frame;
import tw.enforce.camera.FrameImages;
import tw.enforce.camera.health.CameraHealth;
import tw.enforce.camera.health.CameraHealthMonitor;
import tw.enforce.camera.health.HealthFault;
import tw.enforce.camera.health.HealthThresholds;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scene.SceneRenderer;
import tw.enforce.sim.scene.SceneSnapshot;
import tw.enforce.sim.sprite.SpriteLibrary;

/** A simulated camera looking at an empty, still intersection must look to the unit like a live camera. */
class SensorNoiseHealthTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    private static final Duration STEP = Duration.ofMillis(100);
    private static final int FRAMES = 25; // 2.5 s: longer than the 2 s after which a fault is raised

    @Test
    void stillSceneOnTheTestCardIsHealthy() {
        CameraHealth h = watch(new FlatRenderer(1280, 720), SceneSnapshot.Weather.CLEAR, true);
        assertTrue(h.healthy(), h.toString());
    }

    @Test
    void stillIntersectionIsHealthyByDayInRainAndAtNight() {
        // the renderer test's camera at half the resolution: the same view, a quarter of the rendering time
        CameraModel camera = new CameraModel(0, 35, 6, 180, 12, 750, 640, 360);
        IntersectionRenderer renderer = new IntersectionRenderer(camera, IntersectionRendererTest.ROAD,
                SpriteLibrary.fallback("test: drawn shapes"), 7);
        for (SceneSnapshot.Weather w : SceneSnapshot.Weather.values()) {
            CameraHealth h = watch(renderer, w, true);
            assertTrue(h.healthy(), w + ": " + h);
        }
    }

    @Test
    void withoutSensorNoiseTheSameStillSceneReadsAsFrozen() {
        CameraHealth h = watch(new FlatRenderer(1280, 720), SceneSnapshot.Weather.CLEAR, false);
        assertEquals(java.util.Set.of(HealthFault.FROZEN), h.faultSet(), h.toString());
    }

    @Test
    void consecutiveFramesDifferByNoiseOnlyAndRenderingIsRepeatable() {
        FlatRenderer r = new FlatRenderer(320, 180);
        byte[] a = bytes(r.render(snapshot(T0, SceneSnapshot.Weather.CLEAR)));
        byte[] b = bytes(r.render(snapshot(T0.plus(STEP), SceneSnapshot.Weather.CLEAR)));
        byte[] again = bytes(r.render(snapshot(T0, SceneSnapshot.Weather.CLEAR)));
        assertFalse(Arrays.equals(a, b), "two instants give two noise patterns");
        assertTrue(Arrays.equals(a, again), "the same instant renders the same picture");
        int band = 320 * 3 * (180 / 8); // the card's noise is in its top eighth: cheap JPEGs in scoring runs
        int changed = 0;
        int maxDiff = 0;
        for (int i = 0; i < band; i++) {
            int d = Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            maxDiff = Math.max(maxDiff, d);
            changed += d > 1 ? 1 : 0;
        }
        assertTrue(changed > band / 4, "noise moves many pixels by more than one level: " + changed + " of " + band);
        assertTrue(maxDiff <= 10, "but only by a few levels: " + maxDiff);
        assertTrue(Arrays.equals(Arrays.copyOfRange(a, band, a.length), Arrays.copyOfRange(b, band, b.length)),
                "and the rest of the card stays put");
    }

    /** Feeds FRAMES still frames through the health monitor, the first as the reference view. */
    private static CameraHealth watch(SceneRenderer renderer, SceneSnapshot.Weather weather, boolean live) {
        Clock clock = Clock.fixed(T0.plus(STEP.multipliedBy(FRAMES)), ZoneOffset.UTC);
        try (CameraHealthMonitor monitor = new CameraHealthMonitor("sim", HealthThresholds.defaults(), clock)) {
            CameraHealth last = null;
            Frame first = null;
            for (int i = 0; i < FRAMES; i++) {
                Instant at = T0.plus(STEP.multipliedBy(i));
                Frame f = FrameImages.toFrame(renderer.render(snapshot(live ? at : T0, weather)), "sim", i, at);
                if (first == null) {
                    first = f;
                    monitor.setReference(f);
                }
                last = monitor.onFrame(f);
            }
            return last;
        }
    }

    private static SceneSnapshot snapshot(Instant at, SceneSnapshot.Weather weather) {
        return new SceneSnapshot(at, List.of(), SignalPhase.RED, weather);
    }

    private static byte[] bytes(BufferedImage img) {
        return ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData().clone();
    }
}
