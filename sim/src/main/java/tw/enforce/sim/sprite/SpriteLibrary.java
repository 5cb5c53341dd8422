package tw.enforce.sim.sprite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sprites the renderer composites: vehicles cut from the labelled plate photos in
 * {@code <shared>/data/plates/eu}, pedestrians cut from {@code <shared>/data/video/one-by-one-person-detection.mp4}.
 * They are cut on first use and cached under {@code cacheDir} (never in the shared folder). When
 * the shared folder or a source is missing, drawn shapes stand in and {@link #degraded()} says
 * so: a demo still runs, but detection figures from it mean little.
 */
public final class SpriteLibrary {
    private static final Logger log = LoggerFactory.getLogger(SpriteLibrary.class);
    static final String PHOTOS = "data/plates/eu";
    static final String PERSON_VIDEO = "data/video/one-by-one-person-detection.mp4";

    /** {@code onlyPhotos}: photo file names to use (empty = all); {@code maxPedestrians} 0 skips the video. */
    public record Options(List<String> onlyPhotos, int maxPedestrians) {
        public static final Options ALL = new Options(List.of(), 24);

        public Options {
            onlyPhotos = List.copyOf(onlyPhotos);
        }
    }

    private final List<Sprite> vehicles;
    private final List<Sprite> pedestrians;
    private final List<Sprite> motorcycles;
    private final String degradedReason;

    private SpriteLibrary(List<Sprite> vehicles, List<Sprite> pedestrians, String degradedReason) {
        this.vehicles = List.copyOf(vehicles);
        this.pedestrians = List.copyOf(pedestrians);
        this.motorcycles = MotorcycleSprites.from(this.pedestrians);
        this.degradedReason = degradedReason;
    }

    public static SpriteLibrary open(Path sharedDir, Path cacheDir) throws IOException {
        return open(sharedDir, cacheDir, Options.ALL);
    }

    /**
     * Cuts (or loads cached) sprites. A null or absent {@code sharedDir} gives the drawn fallback;
     * an unreadable cache folder or photo label throws {@link IOException} naming the file.
     */
    public static SpriteLibrary open(Path sharedDir, Path cacheDir, Options options) throws IOException {
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (sharedDir == null || !Files.isDirectory(sharedDir.resolve(PHOTOS))) {
            return fallback("no sprite photos at " + (sharedDir == null ? "(no shared dir)" : sharedDir.resolve(PHOTOS)));
        }
        SpriteCache cache = new SpriteCache(cacheDir);
        List<String> problems = new ArrayList<>();
        List<Sprite> cars = vehicles(sharedDir.resolve(PHOTOS), cache, options);
        if (cars.isEmpty()) {
            problems.add("no usable vehicle photo: drawn cars");
            cars = FallbackSprites.vehicles();
        }
        List<Sprite> people = options.maxPedestrians() == 0 ? List.of() : pedestrians(sharedDir.resolve(PERSON_VIDEO), cache, options);
        if (people.isEmpty()) {
            problems.add("no pedestrian sprites from " + sharedDir.resolve(PERSON_VIDEO) + " (ffmpeg missing or video absent): drawn people");
            people = FallbackSprites.pedestrians();
        }
        log.info("sprite library: {} vehicles, {} pedestrians, cache {}", cars.size(), people.size(), cacheDir);
        return new SpriteLibrary(cars, people, problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** Drawn shapes only; {@code reason} is what {@link #degradedReason()} reports. */
    public static SpriteLibrary fallback(String reason) {
        return new SpriteLibrary(FallbackSprites.vehicles(), FallbackSprites.pedestrians(), reason);
    }

    private static List<Sprite> vehicles(Path photos, SpriteCache cache, Options options) throws IOException {
        List<Path> labels;
        try (Stream<Path> s = Files.list(photos)) {
            labels = s.filter(p -> p.toString().endsWith(".txt"))
                    .filter(p -> options.onlyPhotos().isEmpty() || options.onlyPhotos().contains(
                            p.getFileName().toString().replace(".txt", ".jpg")))
                    .sorted().toList();
        }
        VehicleCutter cutter = new VehicleCutter();
        List<CutResult> results;
        try {
            results = labels.parallelStream().map(label -> {
                try {
                    String id = label.getFileName().toString().replace(".txt", "");
                    CutResult cached = cache.vehicle(id);
                    if (cached != null) {
                        return cached;
                    }
                    CutResult fresh = cutter.cut(label);
                    if (fresh instanceof CutResult.Rejected r) {
                        log.info("vehicle photo {} rejected: {}", r.source(), r.reason());
                    }
                    cache.putVehicle(fresh);
                    return fresh;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Sprite> out = new ArrayList<>();
        for (CutResult r : results) {
            if (r instanceof CutResult.Accepted a) {
                out.add(a.sprite());
            }
        }
        log.info("vehicle sprites: {} of {} photos usable", out.size(), labels.size());
        return out;
    }

    private static List<Sprite> pedestrians(Path video, SpriteCache cache, Options options) throws IOException {
        List<Sprite> cached = cache.pedestrians();
        if (cached != null) {
            return cached.subList(0, Math.min(cached.size(), options.maxPedestrians()));
        }
        if (!Files.isRegularFile(video)) {
            return List.of();
        }
        List<Sprite> cut = new PedestrianCutter().cut(video, cache.scratch(), options.maxPedestrians());
        if (!cut.isEmpty()) {
            cache.putPedestrians(cut);
        }
        deleteScratch(cache.scratch());
        return cut;
    }

    private static void deleteScratch(Path scratch) throws IOException {
        if (!Files.isDirectory(scratch)) {
            return;
        }
        try (Stream<Path> s = Files.list(scratch)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(scratch);
    }

    public boolean degraded() {
        return degradedReason != null;
    }

    /** Why drawn shapes stand in, or null when every sprite is a real cut-out. */
    public String degradedReason() {
        return degradedReason;
    }

    public List<Sprite> vehicles() {
        return vehicles;
    }

    public List<Sprite> pedestrians() {
        return pedestrians;
    }

    /** The sprite for an actor's {@code appearance}; any int (negative too) picks one deterministically. */
    public Sprite vehicle(int appearance) {
        return vehicles.get(Math.floorMod(appearance, vehicles.size()));
    }

    public Sprite pedestrian(int appearance) {
        return pedestrians.get(Math.floorMod(appearance, pedestrians.size()));
    }

    /** A rider (a pedestrian cut-out's upper body) on a drawn motorcycle seen from behind, with a plate place. */
    public Sprite motorcycle(int appearance) {
        return motorcycles.get(Math.floorMod(appearance, motorcycles.size()));
    }

    public List<Sprite> motorcycles() {
        return motorcycles;
    }
}
