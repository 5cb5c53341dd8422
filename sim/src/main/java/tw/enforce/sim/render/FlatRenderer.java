package tw.enforce.sim.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import tw.enforce.sim.scene.SceneRenderer;
import tw.enforce.sim.scene.SceneSnapshot;

/**
 * A plain grey frame for runs whose detector does not look at pixels (the ground-truth detector):
 * rule scoring over many scenarios without paying for rendering. Evidence made from it shows
 * nothing, and says so in its caption.
 */
public final class FlatRenderer implements SceneRenderer {
    private final BufferedImage frame;

    public FlatRenderer(int width, int height) {
        frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(96, 96, 96));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString("not rendered: scoring run with ground-truth detections", 20, 30);
        g.dispose();
    }

    @Override
    public BufferedImage render(SceneSnapshot snapshot) {
        return frame;
    }
}
