package tw.enforce.sim.sprite;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Flat drawn shapes for when the real photos are not there. They keep a demo running but a real
 * detector barely sees them (measured: ~0.08 for flat-shaded cars), so they are marked degraded.
 */
final class FallbackSprites {
    private static final Color[] PAINT = {new Color(200, 30, 30), new Color(230, 230, 230), new Color(40, 40, 45),
        new Color(30, 70, 160), new Color(150, 150, 155)};

    private FallbackSprites() {
    }

    static List<Sprite> vehicles() {
        List<Sprite> out = new ArrayList<>();
        for (int i = 0; i < PAINT.length; i++) {
            int w = 360, h = 280;
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(20, 20, 20));
            g.fillRoundRect(20, 230, 70, 50, 12, 12);
            g.fillRoundRect(270, 230, 70, 50, 12, 12);
            g.setColor(PAINT[i]);
            g.fillRoundRect(0, 110, w, 150, 30, 30);
            g.fillRoundRect(45, 0, w - 90, 140, 50, 50);
            g.setColor(new Color(60, 80, 95));
            g.fillRoundRect(65, 20, w - 130, 90, 30, 30);
            g.setColor(new Color(180, 20, 20));
            g.fillRect(10, 140, 60, 30);
            g.fillRect(w - 70, 140, 60, 30);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(3));
            g.drawLine(0, 215, w, 215);
            g.dispose();
            out.add(new Sprite("drawn-car-" + i, SpriteKind.VEHICLE, img, PlateQuad.ofRect(128, 180, 104, 26), true));
        }
        return out;
    }

    static List<Sprite> pedestrians() {
        List<Sprite> out = new ArrayList<>();
        for (int i = 0; i < PAINT.length; i++) {
            int w = 80, h = 240;
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(225, 190, 160));
            g.fillOval(25, 0, 30, 36);
            g.setColor(PAINT[i]);
            g.fillRoundRect(8, 36, 64, 100, 20, 20);
            g.setColor(new Color(40, 40, 60));
            g.fillRect(14, 130, 22, 110);
            g.fillRect(44, 130, 22, 110);
            g.dispose();
            out.add(new Sprite("drawn-person-" + i, SpriteKind.PEDESTRIAN, img, null, true));
        }
        return out;
    }
}
