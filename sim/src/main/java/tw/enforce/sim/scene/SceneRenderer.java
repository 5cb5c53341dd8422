package tw.enforce.sim.scene;

import java.awt.image.BufferedImage;

/** Paints one instant of the simulated intersection as the unit's camera would see it. */
public interface SceneRenderer {

    /** A TYPE_3BYTE_BGR image of the camera's size. */
    BufferedImage render(SceneSnapshot snapshot);
}
