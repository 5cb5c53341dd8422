package tw.enforce.sim.sprite;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import tw.enforce.runtime.geometry.ImagePoint;

/**
 * Sprites on disk: an RGBA PNG per sprite, a {@code .plate} file with the plate corners, and a
 * {@code .rejected} file remembering why a source was turned down, so each photo is cut once.
 * The folder name carries a version: change the cutting and bump it, and old cuts are ignored.
 */
final class SpriteCache {
    static final String VERSION = "v9";
    private final Path dir;

    SpriteCache(Path cacheRoot) throws IOException {
        this.dir = cacheRoot.resolve(VERSION);
        Files.createDirectories(dir.resolve("vehicles"));
        Files.createDirectories(dir.resolve("pedestrians"));
    }

    Path scratch() {
        return dir.resolve("scratch");
    }

    /** The cached outcome for a vehicle photo, or null when it has not been cut yet. */
    CutResult vehicle(String id) throws IOException {
        Path rejected = dir.resolve("vehicles").resolve(id + ".rejected");
        if (Files.exists(rejected)) {
            return new CutResult.Rejected(id, Files.readString(rejected).trim());
        }
        Path png = dir.resolve("vehicles").resolve(id + ".png");
        Path plate = dir.resolve("vehicles").resolve(id + ".plate");
        if (!Files.exists(png) || !Files.exists(plate)) {
            return null;
        }
        String[] f = Files.readString(plate).trim().split("\\s+");
        if (f.length != 8) {
            throw new IOException(plate + ": expected 8 numbers (plate corners), got " + f.length);
        }
        ImagePoint[] p = new ImagePoint[4];
        for (int i = 0; i < 4; i++) {
            p[i] = new ImagePoint(Double.parseDouble(f[2 * i]), Double.parseDouble(f[2 * i + 1]));
        }
        return new CutResult.Accepted(new Sprite(id, SpriteKind.VEHICLE, readArgb(png), new PlateQuad(p[0], p[1], p[2], p[3]), false));
    }

    void putVehicle(CutResult result) throws IOException {
        Path vehicles = dir.resolve("vehicles");
        if (result instanceof CutResult.Rejected r) {
            Files.writeString(vehicles.resolve(r.source() + ".rejected"), r.reason() + "\n");
        } else if (result instanceof CutResult.Accepted a) {
            Sprite s = a.sprite();
            StringBuilder sb = new StringBuilder();
            for (ImagePoint p : s.plate().corners()) {
                sb.append(String.format(Locale.ROOT, "%.2f %.2f ", p.u(), p.v()));
            }
            Files.writeString(vehicles.resolve(s.id() + ".plate"), sb.toString().trim() + "\n");
            writeAtomically(s.image(), vehicles.resolve(s.id() + ".png"));
        }
    }

    /** Cached pedestrian sprites, or null when the video has not been cut yet. */
    List<Sprite> pedestrians() throws IOException {
        Path peds = dir.resolve("pedestrians");
        if (!Files.exists(peds.resolve("done"))) {
            return null;
        }
        List<Sprite> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(peds)) {
            for (Path png : s.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                String id = png.getFileName().toString().replace(".png", "");
                out.add(new Sprite(id, SpriteKind.PEDESTRIAN, readArgb(png), null, false));
            }
        }
        return out;
    }

    void putPedestrians(List<Sprite> sprites) throws IOException {
        Path peds = dir.resolve("pedestrians");
        for (Sprite s : sprites) {
            writeAtomically(s.image(), peds.resolve(s.id() + ".png"));
        }
        Files.writeString(peds.resolve("done"), sprites.size() + "\n");
    }

    private static void writeAtomically(BufferedImage img, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException("no PNG writer for " + target);
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static BufferedImage readArgb(Path png) throws IOException {
        BufferedImage raw = ImageIO.read(png.toFile());
        if (raw == null) {
            throw new IOException(png + ": not a readable PNG (delete the cache folder to rebuild)");
        }
        if (raw.getType() == BufferedImage.TYPE_INT_ARGB) {
            return raw;
        }
        BufferedImage img = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, raw.getWidth(), raw.getHeight(), raw.getRGB(0, 0, raw.getWidth(), raw.getHeight(), null, 0, raw.getWidth()), 0, raw.getWidth());
        return img;
    }
}
