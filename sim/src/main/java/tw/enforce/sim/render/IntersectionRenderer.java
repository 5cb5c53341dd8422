package tw.enforce.sim.render;

import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.sim.scene.ActorKind;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.scene.RoadLayout;
import tw.enforce.sim.scene.SceneRenderer;
import tw.enforce.sim.scene.SceneSnapshot;
import tw.enforce.sim.sprite.PlateQuad;
import tw.enforce.sim.sprite.Sprite;
import tw.enforce.sim.sprite.SpriteKind;
import tw.enforce.sim.sprite.SpriteLibrary;

/**
 * Renders a snapshot as the unit's camera sees it: the cached backdrop for the weather, then the
 * actors far to near, each sprite stretched into exactly the box {@link ActorProjection} reports as
 * ground truth (so a detector is scored against what was drawn), with a contact shadow, the
 * actor's Taiwan plate warped onto the sprite's plate, the signal head at its depth, and the
 * sensor's per-frame noise.
 * Not thread-safe: one renderer per rendering thread (it reuses its frame buffer).
 */
public final class IntersectionRenderer implements SceneRenderer {
    private final CameraModel camera;
    private final SpriteLibrary sprites;
    private final long seed;
    private final Backdrop backdrop;
    private final Lighting lighting;
    private final SignalHeadPainter signal;
    private final SpriteBlitter blitter = new SpriteBlitter();
    private final TaiwanPlateRenderer plates = new TaiwanPlateRenderer();
    private final BufferedImage canvas;
    private final int[] pixels;
    private final SensorNoise noise;
    private int[] rainBackdrop, nightBackdrop;

    public IntersectionRenderer(CameraModel camera, RoadLayout road, SpriteLibrary sprites, long seed) {
        this.camera = Objects.requireNonNull(camera, "camera");
        this.sprites = Objects.requireNonNull(sprites, "sprites");
        Objects.requireNonNull(road, "road");
        this.seed = seed;
        this.backdrop = new Backdrop(camera, road, seed);
        this.lighting = new Lighting(camera, backdrop);
        this.signal = new SignalHeadPainter(camera, road);
        this.canvas = new BufferedImage(camera.imageWidth(), camera.imageHeight(), BufferedImage.TYPE_INT_RGB);
        this.pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        this.noise = new SensorNoise(camera.imageWidth() * camera.imageHeight() * 3, seed);
    }

    @Override
    public BufferedImage render(SceneSnapshot snapshot) {
        SceneSnapshot.Weather weather = snapshot.weather() == null ? SceneSnapshot.Weather.CLEAR : snapshot.weather();
        System.arraycopy(backdropFor(weather), 0, pixels, 0, pixels.length);
        int w = camera.imageWidth(), h = camera.imageHeight();
        List<ActorState> actors = new ArrayList<>(snapshot.actors());
        actors.sort(Comparator.comparingDouble((ActorState a) -> camera.depth(a.x(), a.y(), 0)).reversed());
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double actorLight = weather == SceneSnapshot.Weather.NIGHT ? WeatherEffects.NIGHT_ACTOR
                : weather == SceneSnapshot.Weather.RAIN ? WeatherEffects.RAIN_ACTOR : 1.0;
        boolean signalDrawn = false;
        for (ActorState a : actors) {
            if (!signalDrawn && camera.depth(a.x(), a.y(), 0) < signal.depth()) {
                signal.paint(g, snapshot.phase(), actorLight);
                signalDrawn = true;
            }
            drawActor(g, a, weather, actorLight);
        }
        if (!signalDrawn) {
            signal.paint(g, snapshot.phase(), actorLight);
        }
        g.dispose();
        if (weather == SceneSnapshot.Weather.RAIN) {
            WeatherEffects.blur(pixels, w, h);
            WeatherEffects.rainStreaks(pixels, w, h, seed ^ snapshot.at().toEpochMilli());
        }
        BufferedImage out = toBgr();
        // a live sensor's noise: a still scene must not look like a frozen camera to the unit's health check
        noise.apply(((DataBufferByte) out.getRaster().getDataBuffer()).getData(),
                snapshot.at().getEpochSecond() * 1_000_000_000L + snapshot.at().getNano());
        return out;
    }

    private void drawActor(Graphics2D g, ActorState a, SceneSnapshot.Weather weather, double light) {
        BoundingBox box = ActorProjection.imageBox(camera, a);
        if (box == null) {
            return;
        }
        int w = camera.imageWidth(), h = camera.imageHeight();
        boolean night = weather == SceneSnapshot.Weather.NIGHT;
        boolean vehicle = a.kind() != ActorKind.PEDESTRIAN;
        if (night && vehicle && facesCamera(a)) {
            lighting.headlightPool(pixels, a);
        } else if (!night) {
            lighting.shadow(pixels, a, weather == SceneSnapshot.Weather.RAIN ? 0.35 : 0.55);
        }
        Sprite s = switch (a.kind()) {
            case PEDESTRIAN -> sprites.pedestrian(a.appearance());
            case MOTORCYCLE -> sprites.motorcycle(a.appearance());
            default -> sprites.vehicle(a.appearance()); // buses and trucks too: no photos of them in the shared data
        };
        blitter.draw(pixels, w, h, s, box.x1(), box.y1(), box.x2(), box.y2(), light);
        if (vehicle && a.plate() != null && s.plate() != null) {
            drawPlate(a, s, box, night ? 0.95 : light);
        }
        if (night && vehicle) {
            lamps(g, a, box);
        }
    }

    /** The Taiwan plate takes the photographed plate's place at its real size (0.38 m vs 0.52 m wide). */
    private void drawPlate(ActorState a, Sprite s, BoundingBox box, double brightness) {
        TaiwanPlateRenderer.Format format = a.kind() == ActorKind.MOTORCYCLE
                ? TaiwanPlateRenderer.Format.MOTORCYCLE : TaiwanPlateRenderer.Format.CAR;
        double sx = box.width() / s.width(), sy = box.height() / s.height();
        PlateQuad q = s.plate();
        ImagePoint[] src = q.corners();
        ImagePoint[] quad = new ImagePoint[4];
        double cu = q.centerU(), cv = q.centerV();
        // a photographed car carries a 0.52 m European plate; composed motorcycles a plate-sized place
        double widthScale = s.kind() == SpriteKind.MOTORCYCLE ? 1.0 : format.widthM() / 0.52;
        double euHeight = (src[3].v() - src[0].v() + src[2].v() - src[1].v()) / 2;
        double heightScale = (q.width() * widthScale / format.aspect()) / Math.max(1e-6, euHeight);
        for (int i = 0; i < 4; i++) {
            double u = cu + (src[i].u() - cu) * widthScale, v = cv + (src[i].v() - cv) * heightScale;
            quad[i] = new ImagePoint(box.x1() + u * sx, box.y1() + v * sy);
        }
        double frameWidth = Math.hypot(quad[1].u() - quad[0].u(), quad[1].v() - quad[0].v());
        if (frameWidth < 6) {
            return;
        }
        int renderW = (int) Math.max(8, Math.min(1200, 4 * Math.ceil(frameWidth / 4))); // width buckets: fewer re-draws
        PlateWarp.draw(pixels, camera.imageWidth(), camera.imageHeight(), plates.render(a.plate(), format, renderW), quad, brightness);
    }

    private boolean facesCamera(ActorState a) {
        double h = Math.toRadians(a.headingDeg());
        return (camera.x() - a.x()) * Math.sin(h) + (camera.y() - a.y()) * Math.cos(h) > 0;
    }

    /** Headlights when the camera sees the front, tail lights when it sees the back. */
    private void lamps(Graphics2D g, ActorState a, BoundingBox box) {
        boolean front = facesCamera(a);
        Color core = front ? new Color(255, 250, 235) : new Color(255, 40, 30);
        double r = Math.max(2, box.width() * (front ? 0.09 : 0.06));
        double v = box.y1() + box.height() * (front ? 0.62 : 0.5);
        for (double f : new double[] {0.16, 0.84}) {
            double u = box.x1() + box.width() * f;
            float glow = (float) (r * (front ? 3.2 : 2.2));
            g.setPaint(new RadialGradientPaint((float) u, (float) v, glow, new float[] {0f, 0.25f, 1f},
                    new Color[] {core, new Color(core.getRed(), core.getGreen(), core.getBlue(), 120),
                        new Color(core.getRed(), core.getGreen(), core.getBlue(), 0)}));
            g.fill(new Ellipse2D.Double(u - glow, v - glow, 2 * glow, 2 * glow));
        }
    }

    private int[] backdropFor(SceneSnapshot.Weather weather) {
        return switch (weather) {
            case CLEAR -> backdrop.day();
            case RAIN -> rainBackdrop != null ? rainBackdrop : (rainBackdrop = WeatherEffects.rainBackdrop(backdrop.day()));
            case NIGHT -> nightBackdrop != null ? nightBackdrop : (nightBackdrop = WeatherEffects.nightBackdrop(backdrop.day(), backdrop));
        };
    }

    private BufferedImage toBgr() {
        BufferedImage out = new BufferedImage(camera.imageWidth(), camera.imageHeight(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0, j = 0; i < pixels.length; i++, j += 3) {
            int p = pixels[i];
            bgr[j] = (byte) p;
            bgr[j + 1] = (byte) (p >> 8);
            bgr[j + 2] = (byte) (p >> 16);
        }
        return out;
    }
}
