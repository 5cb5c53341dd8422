package tw.enforce.sim.sprite;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Motorcycles seen from behind, composed: the upper body of a real pedestrian cut-out seated on a
 * drawn machine (tyre, dark body, tail lamp, plate bracket). The shared data hold no motorcycle
 * photos; a real rider at least gives the detector real texture where most of the pixels are.
 */
final class MotorcycleSprites {
    private static final double RIDER_PART = 0.6;

    private MotorcycleSprites() {
    }

    static List<Sprite> from(List<Sprite> pedestrians) {
        List<Sprite> out = new ArrayList<>();
        for (Sprite p : pedestrians) {
            out.add(compose(p));
        }
        return out;
    }

    private static Sprite compose(Sprite rider) {
        int rw = rider.width(), riderH = (int) Math.round(rider.height() * RIDER_PART);
        int w = (int) Math.round(rw * 1.15), bikeH = (int) Math.round(riderH * 0.62);
        int h = riderH + bikeH - (int) (bikeH * 0.25);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int bikeTop = h - bikeH;
        double cx = w / 2.0;
        // tyre
        g.setColor(new Color(18, 18, 18));
        g.fill(new RoundRectangle2D.Double(cx - w * 0.11, h - bikeH * 0.55, w * 0.22, bikeH * 0.55, w * 0.2, w * 0.2));
        // rider's legs and the seat/body
        g.setColor(new Color(45, 45, 50));
        g.fill(new RoundRectangle2D.Double(cx - w * 0.42, bikeTop, w * 0.84, bikeH * 0.5, w * 0.25, w * 0.25));
        g.setColor(new Color(70, 72, 78));
        g.fill(new RoundRectangle2D.Double(cx - w * 0.3, bikeTop + bikeH * 0.3, w * 0.6, bikeH * 0.35, w * 0.15, w * 0.15));
        // tail lamp
        g.setColor(new Color(200, 25, 20));
        g.fill(new RoundRectangle2D.Double(cx - w * 0.16, bikeTop + bikeH * 0.3, w * 0.32, bikeH * 0.08, 4, 4));
        // mirrors
        g.setColor(new Color(30, 30, 30));
        g.fill(new Ellipse2D.Double(0, bikeTop - riderH * 0.35, w * 0.12, w * 0.08));
        g.fill(new Ellipse2D.Double(w - w * 0.12, bikeTop - riderH * 0.35, w * 0.12, w * 0.08));
        int riderTop = bikeTop + (int) (bikeH * 0.25) - riderH;
        g.drawImage(rider.image().getSubimage(0, 0, rw, riderH), (w - rw) / 2, riderTop, null);
        g.dispose();
        double plateW = w * 0.36, plateH = plateW * 13 / 21;
        PlateQuad plate = PlateQuad.ofRect(cx - plateW / 2, bikeTop + bikeH * 0.42, plateW, plateH);
        return new Sprite("moto-" + rider.id(), SpriteKind.MOTORCYCLE, img, plate, rider.degraded());
    }
}
