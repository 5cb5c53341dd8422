package tw.enforce.sim.section;

import java.util.Map;
import java.util.Optional;
import tw.enforce.camera.Frame;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.plate.PlateFormat;
import tw.enforce.runtime.plate.PlateRead;
import tw.enforce.runtime.plate.PlateReader;
import tw.enforce.runtime.plate.TaiwanPlateFormat;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.world.World;

/**
 * The simulator's plate reader for runs without rendering: it finds the vehicle under the box in
 * the world at the frame's time (frame k is k / fps) and returns what the scenario says this unit
 * reads of that plate — the plate itself, another text, or nothing — checked by the real Taiwan
 * format, so an invalid text comes back INVALID_FORMAT as from the real reader. The crop is the
 * lower part of the box cut from the frame.
 */
final class TruthPlateReader implements PlateReader {
    private static final double MIN_IOU = 0.3;
    private final World world;
    private final CameraModel camera;
    private final Map<String, String> readOf;
    private final PlateFormat format = new TaiwanPlateFormat();

    /** {@code readOf}: true plate → text this unit reads (absent or null: not read). */
    TruthPlateReader(World world, Map<String, String> readOf) {
        this.world = world;
        this.camera = world.scenario().cameraModel();
        this.readOf = readOf;
    }

    @Override
    public Optional<PlateRead> read(Frame frame, BoundingBox vehicle) {
        double t = world.frameSeconds(frame.sequence());
        ActorState best = null;
        double bestIou = MIN_IOU;
        for (ActorState a : world.snapshot(t).actors()) {
            BoundingBox box = a.plate() == null ? null : ActorProjection.imageBox(camera, a);
            if (box != null && box.iou(vehicle) >= bestIou) {
                best = a;
                bestIou = box.iou(vehicle);
            }
        }
        String text = best == null ? null : readOf.get(best.plate());
        if (text == null) {
            return Optional.empty();
        }
        PlateFormat.Checked c = format.check(text);
        return Optional.of(new PlateRead(c.text(), text, c.valid() ? 0.95 : PlateRead.INVALID_CAP, c.valid(), vehicle,
                crop(frame, vehicle)));
    }

    private static Frame crop(Frame f, BoundingBox b) {
        BoundingBox c = b.clip(f.width(), f.height());
        int x = (int) c.x1();
        int y = (int) (c.y2() - c.height() * 0.3);
        int w = Math.max(1, Math.min((int) c.width(), f.width() - x));
        int h = Math.max(1, Math.min((int) (c.height() * 0.3), f.height() - y));
        byte[] bgr = new byte[w * h * 3];
        for (int row = 0; row < h; row++) {
            System.arraycopy(f.bgr(), ((y + row) * f.width() + x) * 3, bgr, row * w * 3, w * 3);
        }
        return new Frame(f.cameraId(), f.sequence(), f.capturedAt(), w, h, bgr);
    }

    @Override
    public String description() {
        return "simulator plate reads (scenario entryRead/exitRead) checked by TaiwanPlateFormat";
    }
}
