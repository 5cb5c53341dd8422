package tw.enforce.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.enforce.camera.Frame;
import tw.enforce.camera.opencv.Jpeg;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.plate.CtcDecoder;
import tw.enforce.runtime.plate.LocalisingPlateReader;
import tw.enforce.runtime.plate.PlateCandidate;
import tw.enforce.runtime.plate.PlateRead;
import tw.enforce.runtime.plate.PlateReaderConfig;

/**
 * {@code edgectl plates eval}: reads every labelled image of an openalpr-benchmark folder
 * ({@code name.jpg} + {@code name.txt} = {@code file TAB x TAB y TAB w TAB h TAB PLATE}), prints one
 * CSV line per image, then exact-match accuracy and milliseconds per plate. Exit 0 when it ran.
 */
@Command(name = "eval", description = "Measure plate reading on an openalpr-format folder (name.jpg + name.txt).")
public final class PlatesEvalCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "Folder of images and their .txt labels.")
    Path dir;

    @Option(names = "--use-label-box", description = "Read the labelled plate box instead of localising the plate.")
    boolean useLabelBox;

    @Option(names = "--recogniser", defaultValue = "auto",
            description = "auto (default: cct when cct_xs_v1_global.onnx is in --models, else paddle), paddle or cct.")
    String recogniser;

    @Option(names = "--models", defaultValue = "../shared/models",
            description = "Folder with lpd_yunet_2023mar.onnx and cct_xs_v1_global.onnx (default ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--format", defaultValue = "taiwan",
            description = "taiwan (validate/normalise to Taiwanese layouts, default) or any.")
    String format;

    @Option(names = "--csv", description = "Also write the per-image CSV to this file.")
    Path csvFile;

    @Option(names = "--localiser-score", defaultValue = "0.1", description = "Minimum LPD-YuNet score (default ${DEFAULT-VALUE}).")
    double localiserScore;

    @Option(names = "--threads", defaultValue = "1", description = "ONNX Runtime intra-op threads (default 1).")
    int threads;

    public record Label(Path image, BoundingBox box, String plate) {
    }

    /** One clear line for bad input (exit 2) or a model or file that cannot be used (exit 1), no stack trace. */
    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (IllegalArgumentException e) {
            System.out.println("edgectl plates eval: " + e.getMessage());
            return 2;
        } catch (tw.enforce.runtime.plate.PlateReaderException | java.io.IOException e) {
            System.out.println("edgectl plates eval: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file or folder: " : "")
                    + e.getMessage());
            return 1;
        }
    }

    private Integer run() throws Exception {
        List<Label> labels = labels(dir);
        PlateReaderConfig.Recogniser kind = switch (recogniser.toLowerCase(Locale.ROOT)) {
            case "paddle" -> PlateReaderConfig.Recogniser.PADDLE;
            case "cct" -> PlateReaderConfig.Recogniser.CCT;
            // the plate-specific model when it is at hand; the general OCR shipped with the software otherwise
            case "auto" -> java.nio.file.Files.isReadable(models.resolve("cct_xs_v1_global.onnx"))
                    ? PlateReaderConfig.Recogniser.CCT : PlateReaderConfig.Recogniser.PADDLE;
            default -> throw new IllegalArgumentException("--recogniser must be auto, paddle or cct, was " + recogniser);
        };
        if (!format.equals("taiwan") && !format.equals("any")) {
            throw new IllegalArgumentException("--format must be taiwan or any, was " + format);
        }
        PlateReaderConfig config = new PlateReaderConfig(models.resolve("lpd_yunet_2023mar.onnx"), kind,
                models.resolve("cct_xs_v1_global.onnx"), localiserScore, 3, format.equals("taiwan"), threads);
        List<String> csv = new ArrayList<>();
        csv.add("file,expected,read,raw,confidence,format_valid,correct,correct_folded,ms");
        int correct = 0;
        int folded = 0;
        int undecodable = 0;
        long nanos = 0;
        try (LocalisingPlateReader reader = config.open()) {
            for (Label l : labels) {
                Frame image;
                try {
                    image = Jpeg.decode(Files.readAllBytes(l.image()), l.image().getFileName().toString(), 0, Instant.EPOCH);
                } catch (IllegalArgumentException | IOException e) {
                    undecodable++;
                    csv.add(l.image().getFileName() + "," + l.plate() + ",,,0,false,false,false,0");
                    continue;
                }
                long t0 = System.nanoTime();
                Optional<PlateRead> read = useLabelBox
                        ? reader.readAt(image, PlateCandidate.ofBox(l.box(), 1.0))
                        : reader.read(image, new BoundingBox(0, 0, image.width(), image.height()));
                long dt = System.nanoTime() - t0;
                nanos += dt;
                boolean ok = read.isPresent() && read.get().text().equals(l.plate());
                boolean okFolded = read.isPresent() && fold(read.get().text()).equals(fold(l.plate()));
                correct += ok ? 1 : 0;
                folded += okFolded ? 1 : 0;
                csv.add(String.format(Locale.ROOT, "%s,%s,%s,%s,%.3f,%s,%s,%s,%.1f", l.image().getFileName(), l.plate(),
                        read.map(PlateRead::text).orElse(""), read.map(PlateRead::rawText).orElse(""),
                        read.map(PlateRead::confidence).orElse(0.0), read.map(PlateRead::formatValid).orElse(false),
                        ok, okFolded, dt / 1e6));
            }
            csv.forEach(System.out::println);
            if (csvFile != null) {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csvFile))) {
                    csv.forEach(w::println);
                }
            }
            int n = labels.size();
            System.out.printf(Locale.ROOT, "mode=%s recogniser=%s format=%s: %d/%d exact (%.1f%%), %d/%d with O=0 I=1 "
                            + "(%.1f%%), %.1f ms per plate, %d undecodable%n", useLabelBox ? "label-box" : "full",
                    reader.description(), format, correct, n, n == 0 ? 0 : 100.0 * correct / n, folded, n,
                    n == 0 ? 0 : 100.0 * folded / n, n - undecodable == 0 ? 0 : nanos / 1e6 / (n - undecodable),
                    undecodable);
        }
        return 0;
    }

    /**
     * Many plate sets, this EU one included, print O and 0 (and I and 1) identically and their labels
     * mix them; the second figure forgives exactly that and nothing else.
     */
    static String fold(String plate) {
        return plate.replace('O', '0').replace('I', '1');
    }

    static List<Label> labels(Path dir) throws IOException {
        List<Label> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path txt : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String line = Files.readString(txt).trim();
                String[] f = line.split("\t");
                if (f.length < 6) {
                    throw new IllegalArgumentException(txt + ": expected file<TAB>x<TAB>y<TAB>w<TAB>h<TAB>PLATE, got '"
                            + line + "'");
                }
                try {
                    double x = Double.parseDouble(f[1].trim());
                    double y = Double.parseDouble(f[2].trim());
                    BoundingBox box = new BoundingBox(x, y, x + Double.parseDouble(f[3].trim()),
                            y + Double.parseDouble(f[4].trim()));
                    out.add(new Label(dir.resolve(f[0].trim()), box, CtcDecoder.plateCharsOf(f[5])));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(txt + ": bad box or plate in '" + line + "': " + e.getMessage(), e);
                }
            }
        }
        return out;
    }
}
