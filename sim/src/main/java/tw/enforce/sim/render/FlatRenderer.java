package tw.enforce.sim.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;
import tw.enforce.sim.scene.SceneRenderer;
import tw.enforce.sim.scene.SceneSnapshot;

/**
 * A fixed test card for runs whose detector does not look at pixels (the ground-truth detector):
 * rule scoring over many scenarios without paying for rendering. Evidence made from it shows
 * nothing, and says so in its caption. The card has texture (grey blocks) and each frame its own
 * sensor noise in the top eighth of the picture, so the unit's camera health check sees a sharp,
 * live picture, as from a working camera looking at a still scene, and does not suspend
 * enforcement. Noise over the whole card would make each frame's JPEG in the unit's ring about 1.5
 * times as slow and 5 times as large, for nothing a scoring run looks at.
 */
public final class FlatRenderer implements SceneRenderer {
    private static final long SEED = 0x5EED_F1A7L;

    private final byte[] card;
    private final BufferedImage frame;
    private final byte[] out;
    private final SensorNoise noise;
    private final int noisyBytes;

    public FlatRenderer(int width, int height) {
        BufferedImage base = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = base.createGraphics();
        g.setColor(new Color(96, 96, 96));
        g.fillRect(0, 0, width, height);
        SplittableRandom random = new SplittableRandom(SEED);
        int blocks = Math.max(50, width * height / 4000);
        for (int i = 0; i < blocks; i++) {
            int grey = 40 + random.nextInt(150);
            g.setColor(new Color(grey, grey, grey));
            g.fillRect(random.nextInt(width), random.nextInt(height), 4 + random.nextInt(Math.max(5, width / 30)),
                    4 + random.nextInt(Math.max(5, height / 30)));
        }
        g.setColor(Color.WHITE);
        g.drawString("not rendered: scoring run with ground-truth detections", 20, 30);
        g.dispose();
        card = ((DataBufferByte) base.getRaster().getDataBuffer()).getData();
        frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        out = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        noise = new SensorNoise(out.length, SEED);
        noisyBytes = width * 3 * Math.max(1, height / 8);
    }

    /** The card with this instant's sensor noise; the returned image is reused by the next call. */
    @Override
    public BufferedImage render(SceneSnapshot snapshot) {
        System.arraycopy(card, 0, out, 0, out.length);
        noise.apply(out, snapshot.at().getEpochSecond() * 1_000_000_000L + snapshot.at().getNano(), noisyBytes);
        return frame;
    }
}
