package tw.enforce.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TaiwanPlateRendererTest {
    private final TaiwanPlateRenderer plates = new TaiwanPlateRenderer();

    @Test
    void carPlateIsWhiteWithDarkGlyphsInTheMiddleAtTaiwanProportions() {
        BufferedImage img = plates.render("ABC-1234", TaiwanPlateRenderer.Format.CAR, 380);

        assertEquals(380, img.getWidth());
        assertEquals(160, img.getHeight(), 1);
        int dark = 0, bright = 0, inner = 0;
        for (int y = 20; y < 140; y++) {
            for (int x = 20; x < 360; x++, inner++) {
                int luma = luma(img.getRGB(x, y));
                dark += luma < 60 ? 1 : 0;
                bright += luma > 200 ? 1 : 0;
            }
        }
        assertTrue(dark > inner * 0.15, "glyph ink covers a fair part of the plate: " + dark + "/" + inner);
        assertTrue(bright > inner * 0.4, "background stays white: " + bright + "/" + inner);
        assertTrue(luma(img.getRGB(190, 20)) > 200, "white margin above the characters");
        assertTrue(luma(img.getRGB(8, 80)) < 80, "a dark border frames the plate");
    }

    @Test
    void glyphsSpreadAcrossThePlateSoEveryCharacterGetsItsSlot() {
        BufferedImage img = plates.render("ABC-1234", TaiwanPlateRenderer.Format.CAR, 380);
        int columnsWithInk = 0;
        for (int x = 20; x < 360; x++) {
            for (int y = 30; y < 130; y++) {
                if (luma(img.getRGB(x, y)) < 60) {
                    columnsWithInk++;
                    break;
                }
            }
        }
        assertTrue(columnsWithInk > 340 * 0.6, "ink in most columns: " + columnsWithInk);
    }

    @Test
    void motorcyclePlateIsSquarer() {
        BufferedImage img = plates.render("MKT-275", TaiwanPlateRenderer.Format.MOTORCYCLE, 210);
        assertEquals(130, img.getHeight(), 1);
    }

    @Test
    void refusesTextThatIsNoPlate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plates.render("abc 12", TaiwanPlateRenderer.Format.CAR, 100));
        assertTrue(e.getMessage().contains("abc 12"));
    }

    static int luma(int rgb) {
        return (int) (0.3 * ((rgb >> 16) & 0xFF) + 0.59 * ((rgb >> 8) & 0xFF) + 0.11 * (rgb & 0xFF));
    }
}
