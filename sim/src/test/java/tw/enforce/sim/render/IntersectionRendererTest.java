package tw.enforce.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.scene.RoadLayout;
import tw.enforce.sim.scene.SceneSnapshot;
import tw.enforce.sim.sprite.SpriteLibrary;

class IntersectionRendererTest {
    static final CameraModel CAMERA = new CameraModel(0, 35, 6, 180, 12, 1500, 1280, 720);
    static final RoadLayout ROAD = new RoadLayout(List.of(-7.0, -3.5, 0.0, 3.5, 7.0), 0, 22, 1, 5);
    private static final IntersectionRenderer RENDERER = new IntersectionRenderer(CAMERA, ROAD,
            SpriteLibrary.fallback("test: drawn shapes"), 1);

    @Test
    void frameHasTheCameraSizeAndBgrType() {
        BufferedImage img = RENDERER.render(snapshot(List.of(), SceneSnapshot.Weather.CLEAR));
        assertEquals(1280, img.getWidth());
        assertEquals(720, img.getHeight());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, img.getType());
    }

    @Test
    void stopLineIsPaintedWhereTheCameraProjectsIt() {
        BufferedImage img = RENDERER.render(snapshot(List.of(), SceneSnapshot.Weather.CLEAR));
        for (double x : new double[] {-5.25, -1.75, 1.75, 5.25}) {
            ImagePoint line = CAMERA.project(x, ROAD.stopLineY() - 0.2, 0);
            ImagePoint before = CAMERA.project(x, ROAD.stopLineY() - 2.5, 0);
            int onLine = TaiwanPlateRendererTest.luma(img.getRGB((int) line.u(), (int) line.v()));
            int asphalt = TaiwanPlateRendererTest.luma(img.getRGB((int) before.u(), (int) before.v()));
            assertTrue(onLine > 180, "stop line white at x=" + x + ": " + onLine);
            assertTrue(asphalt < 130, "asphalt before it is grey at x=" + x + ": " + asphalt);
        }
    }

    @Test
    void spriteLandsInsideTheGroundTruthBoxAndFillsIt() {
        ActorState car = new ActorState("v1", ActorKind.CAR, 1.75, 10, 0, 1.8, 4.5, 1.5, "ABC-1234", 0);
        BufferedImage empty = RENDERER.render(snapshot(List.of(), SceneSnapshot.Weather.CLEAR));
        BufferedImage with = RENDERER.render(snapshot(List.of(car), SceneSnapshot.Weather.CLEAR));
        BoundingBox box = ActorProjection.imageBox(CAMERA, car);
        assertNotNull(box);
        int strongOutside = 0, changedInside = 0;
        for (int y = 0; y < 720; y++) {
            for (int x = 0; x < 1280; x++) {
                int d = diff(empty.getRGB(x, y), with.getRGB(x, y));
                boolean inside = x >= box.x1() - 1 && x <= box.x2() + 1 && y >= box.y1() - 1 && y <= box.y2() + 1;
                if (d > 60 && !inside) {
                    strongOutside++; // a shadow darkens by less than this; the sprite itself must stay in the box
                }
                if (d > 20 && inside) {
                    changedInside++;
                }
            }
        }
        assertEquals(0, strongOutside, "sprite pixels outside the ground-truth box " + box);
        assertTrue(changedInside > 0.5 * box.area(), "sprite covers most of its box: " + changedInside + " of " + box.area());
    }

    @Test
    void rainAndNightDarkenTheScene() {
        double clear = meanLuma(RENDERER.render(snapshot(List.of(), SceneSnapshot.Weather.CLEAR)));
        double rain = meanLuma(RENDERER.render(snapshot(List.of(), SceneSnapshot.Weather.RAIN)));
        double night = meanLuma(RENDERER.render(snapshot(List.of(), SceneSnapshot.Weather.NIGHT)));
        assertTrue(rain < clear, "rain " + rain + " < clear " + clear);
        assertTrue(night < 0.4 * clear, "night " + night + " much darker than clear " + clear);
    }

    static SceneSnapshot snapshot(List<ActorState> actors, SceneSnapshot.Weather weather) {
        return new SceneSnapshot(Instant.parse("2026-11-26T02:00:00Z"), actors, SignalPhase.RED, weather);
    }

    private static int diff(int a, int b) {
        return Math.max(Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)),
                Math.max(Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF)), Math.abs((a & 0xFF) - (b & 0xFF))));
    }

    private static double meanLuma(BufferedImage img) {
        long sum = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                sum += TaiwanPlateRendererTest.luma(img.getRGB(x, y));
            }
        }
        return sum / (img.getWidth() / 4.0 * img.getHeight() / 4.0);
    }
}
