package tw.enforce.sim.sprite;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One cut-out: a TYPE_INT_ARGB image whose alpha is the (feathered) object mask, tightly cropped
 * so the object touches all four sides. {@code plate} is where the original plate was (vehicles
 * cut from photos; null for pedestrians) and {@code degraded} marks drawn fallback shapes.
 */
public record Sprite(String id, SpriteKind kind, BufferedImage image, PlateQuad plate, boolean degraded) {

    public Sprite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (image == null || image.getType() != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("sprite " + id + " needs a TYPE_INT_ARGB image");
        }
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
