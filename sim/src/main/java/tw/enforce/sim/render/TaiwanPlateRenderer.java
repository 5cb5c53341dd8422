package tw.enforce.sim.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Draws a Taiwan plate face: white, black border, one row of black condensed characters with the
 * hyphen, at the real proportions (cars 38×16 cm, motorcycles 21×13 cm). The glyphs are stretched
 * to the plate's character box, as the narrow, tall letters on real plates are.
 */
public final class TaiwanPlateRenderer {
    private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{1,4}(-[A-Z0-9]{1,4})?");
    private static final int CACHE = 256;

    public enum Format {
        CAR(0.38, 0.16, 0.62), MOTORCYCLE(0.21, 0.13, 0.55);

        final double widthM, heightM, glyphFraction;

        Format(double widthM, double heightM, double glyphFraction) {
            this.widthM = widthM;
            this.heightM = heightM;
            this.glyphFraction = glyphFraction;
        }

        public double widthM() {
            return widthM;
        }

        public double heightM() {
            return heightM;
        }

        public double aspect() {
            return widthM / heightM;
        }
    }

    private final Font font;
    private final Map<String, BufferedImage> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> e) {
            return size() > CACHE;
        }
    };

    public TaiwanPlateRenderer() {
        boolean dejaVu = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains("DejaVu Sans");
        this.font = new Font(dejaVu ? "DejaVu Sans" : Font.SANS_SERIF, Font.BOLD, 100);
    }

    public String fontName() {
        return font.getFontName();
    }

    /**
     * An opaque TYPE_INT_ARGB plate {@code widthPx} wide. Plate text must be upper-case letters and
     * digits with at most one hyphen (e.g. {@code ABC-1234}); anything else is refused by name.
     */
    public synchronized BufferedImage render(String plate, Format format, int widthPx) {
        if (plate == null || !PLATE.matcher(plate).matches()) {
            throw new IllegalArgumentException("not a Taiwan plate text (A-Z, 0-9, one hyphen): '" + plate + "'");
        }
        if (widthPx < 8 || widthPx > 4000) {
            throw new IllegalArgumentException("plate width " + widthPx + " px out of range 8..4000");
        }
        return cache.computeIfAbsent(plate + "|" + format + "|" + widthPx, k -> draw(plate, format, widthPx));
    }

    private BufferedImage draw(String plate, Format format, int w) {
        int h = Math.max(4, (int) Math.round(w / format.aspect()));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(new Color(246, 246, 242));
        g.fillRect(0, 0, w, h);
        double border = Math.max(1, h * 0.045);
        g.setColor(new Color(15, 15, 15));
        g.setStroke(new BasicStroke((float) border));
        g.draw(new Rectangle2D.Double(border * 1.2, border * 1.2, w - border * 2.4, h - border * 2.4));
        FontRenderContext frc = g.getFontRenderContext();
        GlyphVector gv = font.createGlyphVector(frc, plate);
        Rectangle2D bounds = gv.getVisualBounds();
        double boxW = w * 0.86, boxH = h * format.glyphFraction;
        AffineTransform t = new AffineTransform();
        t.translate((w - boxW) / 2, (h - boxH) / 2 + h * 0.03);
        t.scale(boxW / bounds.getWidth(), boxH / bounds.getHeight());
        t.translate(-bounds.getX(), -bounds.getY());
        Shape text = t.createTransformedShape(gv.getOutline());
        g.fill(text);
        g.dispose();
        return img;
    }
}
