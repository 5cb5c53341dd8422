package tw.enforce.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the images of one folder ({@code .jpg .jpeg .png .bmp}, case-insensitive) in file-name
 * order, decoded with Java's ImageIO, each stamped with the injected clock's time when it was read.
 * Other files are ignored. A file that cannot be decoded is counted in {@link #corruptFrames()} and
 * skipped; like {@code OpenCvFrameSource}, sequence numbers count every image file from 0, so a
 * skipped file leaves a gap. The file list is taken once, when the source is opened.
 */
public final class ImageFolderFrameSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(ImageFolderFrameSource.class);
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp");

    private final String cameraId;
    private final Path folder;
    private final Clock clock;
    private final List<Path> files;
    private int nextIndex;
    private long corrupt;

    private ImageFolderFrameSource(String cameraId, Path folder, Clock clock, List<Path> files) {
        this.cameraId = cameraId;
        this.folder = folder;
        this.clock = clock;
        this.files = files;
    }

    /**
     * Lists the folder's images.
     *
     * @throws FrameSourceException naming the folder when it is missing or cannot be listed
     */
    public static ImageFolderFrameSource open(String cameraId, Path folder, Clock clock) throws FrameSourceException {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(clock, "clock");
        if (!Files.isDirectory(folder)) {
            throw new FrameSourceException("camera " + cameraId + ": image folder " + folder
                    + (Files.exists(folder) ? " is not a directory" : " does not exist"));
        }
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> files = listing.filter(Files::isRegularFile).filter(ImageFolderFrameSource::isImage)
                    .sorted().toList();
            log.info("camera {}: {} images in {}", cameraId, files.size(), folder);
            return new ImageFolderFrameSource(cameraId, folder, clock, files);
        } catch (IOException e) {
            throw new FrameSourceException("camera " + cameraId + ": cannot list image folder " + folder + ": " + e, e);
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<Frame> next() throws FrameSourceException {
        while (nextIndex < files.size()) {
            int index = nextIndex++;
            Path file = files.get(index);
            BufferedImage image = read(file);
            Instant capturedAt = clock.instant();
            if (image != null) {
                return Optional.of(FrameImages.toFrame(image, cameraId, index, capturedAt));
            }
        }
        return Optional.empty();
    }

    private BufferedImage read(Path file) throws FrameSourceException {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                skip(file, "not a decodable image");
                return null;
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(file)) {
                throw new FrameSourceException("camera " + cameraId + ": image " + file + " vanished from " + folder, e);
            }
            skip(file, e.toString());
            return null;
        }
    }

    private void skip(Path file, String why) {
        corrupt++;
        log.warn("camera {}: skipped corrupt image {} ({}); {} so far", cameraId, file, why, corrupt);
    }

    @Override
    public String cameraId() {
        return cameraId;
    }

    @Override
    public long corruptFrames() {
        return corrupt;
    }

    /** Number of image files found when the folder was opened. */
    public int size() {
        return files.size();
    }

    @Override
    public void close() {
        nextIndex = files.size();
    }
}
